/// A negative value given to `record` or `target` as it is written (`scorecard record KBM-36 2026-09 -120`):
/// ArgumentParser reads `-120` as an option and said "Missing expected argument '<value>'". As Python's argparse
/// does for a parser without options that look like numbers, such a word is taken as the value: it is moved
/// after a `--` at the end, where ArgumentParser takes it whatever its sign.
enum NegativeNumberArguments {
    /// The commands whose last argument is a number that may be negative.
    static let commands: Set<String> = ["record", "target"]

    /// `arguments` (without the program's name) with a negative number given to ``commands`` moved after `--`;
    /// unchanged when the command is another, or `--` is already there.
    static func arranged(_ arguments: [String]) -> [String] {
        guard let command = arguments.first, commands.contains(command), !arguments.contains("--") else { return arguments }
        var kept: [String] = [], moved: [String] = []
        for (index, word) in arguments.enumerated() {
            // After an option (`--note -5`) the word is the option's value.
            if index > 0, isNegativeNumber(word), !arguments[index - 1].hasPrefix("-") {
                moved.append(word)
            } else {
                kept.append(word)
            }
        }
        return moved.isEmpty ? arguments : kept + ["--"] + moved
    }

    /// Whether `word` is a minus sign and then a number as a value may be written: `-120`, `-1,200.5`, `-£75`,
    /// `-4.5%`, `-.5`.
    static func isNegativeNumber(_ word: String) -> Bool {
        guard word.hasPrefix("-"), word.count > 1 else { return false }
        var rest = word.dropFirst()
        if rest.first == "£" { rest = rest.dropFirst() }
        if rest.last == "%" { rest = rest.dropLast() }
        return rest.contains(where: \.isNumber) && rest.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }
    }
}
