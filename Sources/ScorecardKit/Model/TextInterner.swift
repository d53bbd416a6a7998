/// Gives equal texts one shared storage while a framework is read: a council's measures repeat a few dozen owners,
/// services and teams, and often a few hundred descriptions, methodologies and sources, thousands of times.
///
/// Each measure's copy of those texts took its own heap allocation (a text longer than 15 bytes is not held
/// inline): at 50,000 measures, about 25 MB of the dashboard's memory. Interned, a repeated text costs only the
/// 16 bytes of the measure's field.
package struct TextInterner {
    private var seen: Set<String> = []

    package init() {}

    /// The first text equal to `text` this interner was given (`text` itself the first time).
    package mutating func intern(_ text: String) -> String {
        // Short texts are held inline: nothing to share.
        guard text.utf8.count > 15 else { return text }
        return seen.insert(text).memberAfterInsert
    }
}
