import Foundation
import ScorecardKit

/// A dashboard's link to a meeting in its store: what it last saw of it.
struct MeetingLink {
    enum Part {
        case presenting
        /// Following, counted by `presence` while it is kept.
        case following(presence: any MeetingPresence)
    }

    let name: String
    let part: Part
    /// The last change of the meeting taken in (followers).
    var sequence: Int64 = -1
    /// The followers last counted, and when to count them again (presenters).
    var followers = -1
    var nextCount = Date.distantPast
}

extension DataService {
    /// How often a presenter counts its followers.
    static let followerCountInterval: TimeInterval = 1

    /// Starts presenting the meeting `name`, showing `view`, as this service's user.
    public func present(meeting name: String, view: MeetingView) throws {
        guard let store else { throw DashboardError.meetingNeedsDatabase }
        try store.present(meeting: name, view: view.text, by: data.user)
        meeting = MeetingLink(name: name, part: .presenting)
    }

    /// Starts following the meeting `name`: this dashboard records nothing from now on.
    ///
    /// - Throws: ``DashboardError/noMeeting(_:)`` when no meeting of that name is being presented.
    public func follow(meeting name: String) throws {
        guard let store else { throw DashboardError.meetingNeedsDatabase }
        guard let record = try store.meeting(named: name), !record.ended else { throw DashboardError.noMeeting(name) }
        meeting = MeetingLink(name: name, part: .following(presence: try store.follow(meeting: name)))
        data.canRecord = false
        data.canSignOff = false
        data.readOnlyReason = "Following \(name): nothing can be recorded here"
        _ = publish()
    }

    /// Ends the meeting presented, telling its followers; a follower lets go of its presence.
    public func leaveMeeting() {
        guard let meeting, let store else { return }
        switch meeting.part {
        case .presenting: try? store.endMeeting(meeting.name)
        case .following(let presence): presence.release()
        }
        self.meeting = nil
    }

    func shareView(_ view: MeetingView) throws {
        guard let meeting, case .presenting = meeting.part, let store else { return }
        try store.updateMeeting(meeting.name, view: view.text)
    }

    /// What changed at the meeting since the last look: the presenter's new view or the meeting's end
    /// (followers), or how many follow (presenters, every ``followerCountInterval``).
    func pollMeeting() -> [AppAction] {
        guard var link = meeting, let store else { return [] }
        defer { meeting = link }
        do {
            switch link.part {
            case .following:
                guard let record = try store.meeting(named: link.name), record.sequence != link.sequence else { return [] }
                link.sequence = record.sequence
                if record.ended { return [.meetingEnded] }
                return MeetingView(text: record.view).map { [.presenterMoved($0)] } ?? []
            case .presenting:
                guard Date() >= link.nextCount else { return [] }
                link.nextCount = Date().addingTimeInterval(Self.followerCountInterval)
                let count = try store.followerCount(ofMeeting: link.name)
                guard count != link.followers else { return [] }
                link.followers = count
                return [.followersCounted(count)]
            }
        } catch {
            return [.failed("\(StoreError.plain(error))")]
        }
    }
}
