import Foundation
import ScorecardKit

/// A dashboard's link to a meeting in its store: what it last saw of it.
struct MeetingLink {
    enum Part {
        /// Presenting, for as long as `presence` is kept.
        case presenting(presence: any MeetingPresence)
        /// Following, counted by `presence` while it is kept.
        case following(presence: any MeetingPresence)
    }

    /// The meeting's name as the store knows it (``MeetingName/key(_:)``).
    let key: String
    let part: Part
    /// The last change of the meeting taken in (followers).
    var sequence: Int64 = -1
    /// The followers last counted (presenters), and when to count them, or to look whether the presenter is
    /// still there (followers), again.
    var followers = -1
    var nextCount = Date.distantPast
    /// Whether the meeting followed has ended (its followers are told once).
    var ended = false
    /// Since when the presenter has not been seen (followers): gone for ``DataService/presenterGrace``, the
    /// meeting has ended.
    var presenterMissingSince: Date?
    /// The presenter's latest view, while the store could not take it (the server down): shared again at each
    /// poll until it is taken, so followers catch up without the presenter pressing another key.
    var unsent: MeetingView?
}

extension DataService {
    /// How often a presenter counts its followers.
    static let followerCountInterval: TimeInterval = 1
    /// How long a presenter may be unseen before its followers take the meeting as ended: long enough for a
    /// presenter's dashboard to connect again after the database server restarted.
    static let presenterGrace: TimeInterval = 5

    /// Starts presenting the meeting `name`, showing `view`, as this service's user.
    private func present(meeting name: String, view: MeetingView) throws {
        guard let store else { throw DashboardError.meetingNeedsDatabase }
        let key = MeetingName.key(name)
        let presence = try store.present(meeting: key, view: view.text, by: data.user)
        meeting = MeetingLink(key: key, part: .presenting(presence: presence))
        // The room's screen shows published figures (its store is opened so), whatever the login: not "--published".
        if !data.canRecord {
            data.readOnlyReason = "Presenting \(name): published figures only; nothing is recorded here"
            _ = publish()
        }
    }

    /// Starts presenting the meeting `name` from `state`, which says so from now on (its view, shared, names
    /// the meeting as written, for followers who typed it in another case).
    public func present(meeting name: String, state: inout AppState, model: DashboardModel) throws {
        state.meeting = .presenting(name: name, followers: 0)
        try present(meeting: name, view: state.sharedView(model: model))
    }

    /// Starts following the meeting `name`: this dashboard records nothing from now on.
    ///
    /// - Throws: ``DashboardError/noMeeting(_:)`` when no meeting of that name is being presented.
    public func follow(meeting name: String) throws {
        guard let store else { throw DashboardError.meetingNeedsDatabase }
        let key = MeetingName.key(name)
        guard let record = try store.meeting(named: key), !record.ended, try store.isPresented(meeting: key) else {
            throw DashboardError.noMeeting(name)
        }
        meeting = MeetingLink(key: key, part: .following(presence: try store.follow(meeting: key)))
        data.canRecord = false
        data.canSignOff = false
        let shown = MeetingName.shown(presented: MeetingView(text: record.view)?.name, typed: name)
        data.readOnlyReason = "Following \(shown): nothing can be recorded here"
        _ = publish()
    }

    /// Ends the meeting presented, telling its followers; a follower lets go of its presence.
    public func leaveMeeting() {
        guard let meeting, let store else { return }
        switch meeting.part {
        case .presenting(let presence):
            try? store.endMeeting(meeting.key)
            presence.release()
        case .following(let presence): presence.release()
        }
        self.meeting = nil
    }

    func shareView(_ view: MeetingView) throws {
        guard let meeting, case .presenting = meeting.part, let store else { return }
        do {
            try store.updateMeeting(meeting.key, view: view.text)
            self.meeting?.unsent = nil
        } catch {
            self.meeting?.unsent = view
            throw error
        }
    }

    /// What changed at the meeting since the last look: the presenter's new view or the meeting's end, its
    /// presenter gone included (followers, every ``followerCountInterval``), or how many follow (presenters,
    /// as often).
    func pollMeeting() -> [AppAction] {
        guard var link = meeting, let store else { return [] }
        defer { meeting = link }
        do {
            switch link.part {
            case .following:
                if link.ended {
                    // Presented again (the presenter's dashboard restarted): followed again.
                    guard Date() >= link.nextCount else { return [] }
                    link.nextCount = Date().addingTimeInterval(Self.followerCountInterval)
                    guard let record = try store.meeting(named: link.key), !record.ended, try store.isPresented(meeting: link.key)
                    else { return [] }
                    link.ended = false
                    link.presenterMissingSince = nil
                    link.sequence = record.sequence
                    return [.meetingResumed(MeetingView(text: record.view))]
                }
                // A presenter killed, or whose terminal was closed, wrote no end: its meeting ends with it.
                let now = Date()
                if now >= link.nextCount {
                    link.nextCount = now.addingTimeInterval(Self.followerCountInterval)
                    if try store.isPresented(meeting: link.key) {
                        link.presenterMissingSince = nil
                    } else if let since = link.presenterMissingSince {
                        if now.timeIntervalSince(since) >= Self.presenterGrace {
                            link.ended = true
                            return [.meetingEnded]
                        }
                    } else {
                        link.presenterMissingSince = now
                    }
                }
                guard let record = try store.meeting(named: link.key), record.sequence != link.sequence else { return [] }
                link.sequence = record.sequence
                if record.ended {
                    link.ended = true
                    return [.meetingEnded]
                }
                return MeetingView(text: record.view).map { [.presenterMoved($0)] } ?? []
            case .presenting:
                // Tried again quietly: the move that failed said so once.
                if let unsent = link.unsent, (try? store.updateMeeting(link.key, view: unsent.text)) != nil { link.unsent = nil }
                guard Date() >= link.nextCount else { return [] }
                link.nextCount = Date().addingTimeInterval(Self.followerCountInterval)
                let count = try store.followerCount(ofMeeting: link.key)
                guard count != link.followers else { return [] }
                link.followers = count
                return [.followersCounted(count)]
            }
        } catch {
            return [.failed("\(StoreError.plain(error))")]
        }
    }
}
