/// A negative value given to `record` or `target` as it is written (`scorecard record KBM-36 2026-09 -120`):
/// ArgumentParser reads `-120` as an option and said "Missing expected argument '<value>'". As Python's argparse
/// does for a parser without options that look like numbers, such a word is taken as the value: it is moved
/// after a `--` at the end, where ArgumentParser takes it whatever its sign.
enum NegativeNumberArguments {
    /// The commands whose last argument is a number that may be negative.
    static let commands: Set<String> = ["record", "target"]

    /// The options of ``commands`` whose value is text, which may begin with a dash (`--note "- improved"`).
    static let textOptions: Set<String> = ["--note", "--by"]

    /// `arguments` (without the program's name) with a negative number given to ``commands`` moved after `--`,
    /// and a text option's value that begins with a dash joined to it (`--note=- improved`: ArgumentParser took
    /// it for an option and said the note was missing); unchanged when the command is another, or `--` is there.
    static func arranged(_ arguments: [String]) -> [String] {
        guard let command = arguments.first, commands.contains(command), !arguments.contains("--") else { return arguments }
        var kept: [String] = [], moved: [String] = []
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            // Text beginning with one dash (`- improved`, `-5`), not an option (`--quality`, `-h`).
            if textOptions.contains(word), index + 1 < arguments.count, arguments[index + 1].hasPrefix("-"),
                !arguments[index + 1].hasPrefix("--"), arguments[index + 1] != "-h"
            {
                kept.append(word + "=" + arguments[index + 1])
                index += 2
                continue
            }
            // After an option (`--quality -5`) the word is the option's value.
            if index > 0, isNegativeNumber(word), !arguments[index - 1].hasPrefix("-") {
                moved.append(word)
            } else {
                kept.append(word)
            }
            index += 1
        }
        return moved.isEmpty ? kept : kept + ["--"] + moved
    }

    /// Whether `word` is a minus sign and then a number as a value may be written, with its unit or not:
    /// `-120`, `-1,200.5`, `-£75`, `-4.5%`, `-.5`, `-1e2`, `-5 days`, `-£5k` (no option begins with a digit,
    /// a point or a pound sign; what follows the number is for `record` to read or refuse in words).
    static func isNegativeNumber(_ word: String) -> Bool {
        guard word.hasPrefix("-"), word.count > 1 else { return false }
        // Not numbers, but values, for `record` to refuse in words (`-inf` was "Missing expected argument").
        if ["-inf", "-infinity", "-nan"].contains(word.lowercased()) { return true }
        var rest = word.dropFirst()
        if rest.first == "£" { rest = rest.dropFirst() }
        guard let first = rest.first, first.isASCII, first.isNumber || first == "." else { return false }
        return rest.contains(where: \.isNumber)
    }
}
