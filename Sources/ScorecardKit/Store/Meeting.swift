import Foundation

/// A meeting in progress: what its presenter's dashboard shows, for every follower's to show too.
public struct MeetingRecord: Sendable, Equatable {
    public var name: String
    /// Who presents it.
    public var presenter: String
    /// The presenter's view, as the dashboard writes it.
    public var view: String
    /// Grows with every change of view, so a follower sees a change by comparing one number.
    public var sequence: Int64
    /// Whether the presenter has ended it.
    public var ended: Bool

    public init(name: String, presenter: String, view: String, sequence: Int64, ended: Bool) {
        self.name = name
        self.presenter = presenter
        self.view = view
        self.sequence = sequence
        self.ended = ended
    }
}

/// Where a meeting's presenter shares the view and its followers read it: every store is one.
///
/// A follower writes nothing to the store: it is counted by a presence the store can see without a write (a
/// lock held on a file beside a SQLite database; the connection's name on PostgreSQL).
public protocol MeetingStore: AnyObject {
    /// Starts the meeting `name` (again, when it has been held before), presented by `presenter`, showing `view`,
    /// for as long as the presence returned is kept (or the process lives).
    ///
    /// - Throws: ``StoreError/notPermitted(_:)`` while another dashboard presents `name`: a meeting has one
    ///   presenter at a time (one whose dashboard has gone, its machine failed, say, may be taken over).
    func present(meeting name: String, view: String, by presenter: String) throws -> MeetingPresence
    /// Shares the presenter's new view.
    func updateMeeting(_ name: String, view: String) throws
    /// Ends the meeting: its followers are told.
    func endMeeting(_ name: String) throws
    /// The meeting as it stands, or `nil` when there is none of that name.
    func meeting(named name: String) throws -> MeetingRecord?
    /// Says that this dashboard follows `name` for as long as the presence returned is kept.
    func follow(meeting name: String) throws -> MeetingPresence
    /// How many dashboards follow `name` now.
    func followerCount(ofMeeting name: String) throws -> Int
    /// Whether a dashboard presents `name` now: its presenter is still running (a presenter killed, or whose
    /// terminal was closed, ended its meeting as surely as one who pressed q).
    func isPresented(meeting name: String) throws -> Bool
}

/// A presenter's or follower's presence at a meeting: it ends when released (or when the process ends).
public protocol MeetingPresence: AnyObject, Sendable {
    func release()
}

/// Meeting names: what a presenter may call one.
public enum MeetingName {
    /// Why `name` cannot name a meeting, or `nil` when it can: 1 to 64 letters, digits, spaces, `-`, `_` or `.`,
    /// not all spaces (the status line said "Presenting    : 0 followers").
    public static func problem(with name: String) -> String? {
        guard !name.isEmpty, name.count <= 64 else { return "a meeting's name has 1 to 64 characters" }
        guard name.contains(where: { !$0.isWhitespace }) else { return "a meeting's name is more than spaces" }
        // " board " and "board" would be two meetings nobody could tell apart.
        guard name.first != " ", name.last != " " else { return "a meeting's name does not begin or end with a space" }
        let allowed = name.unicodeScalars.allSatisfy {
            CharacterSet.alphanumerics.contains($0) || $0 == " " || $0 == "-" || $0 == "_" || $0 == "."
        }
        return allowed ? nil : "a meeting's name has only letters, digits, spaces, -, _ and ."
    }

    /// The name a meeting is known by in a store: as typed, but in any case and spacing, so that `--follow
    /// CABINET` finds the meeting presented as `Cabinet`, and `--present cabinet` cannot start a second one.
    public static func key(_ name: String) -> String {
        name.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
    }

    /// The meeting's name as its presenter wrote it (`presented`, from the view it shares), for a follower who
    /// typed `typed`: the presenter's when it names the same meeting, else the follower's own.
    public static func shown(presented: String?, typed: String) -> String {
        guard let presented, problem(with: presented) == nil, key(presented) == key(typed) else { return typed }
        return presented
    }
}
