#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CYaml
import Foundation

/// Composes YAML text into ``YAMLNode``s in one pass over libyaml's parse events (the C library inside Yams), in
/// time and memory proportional to the text.
///
/// It refuses what a council's data file never needs and a hostile file would use, before anything is expanded:
/// - anchors and aliases (`&name`, `*name`): expanding nested aliases is how a 50 KB "billion laughs" file grows to
///   gigabytes, and a repeated alias as a key made Yams hash the whole expansion for every key;
/// - lists and mappings nested more than ``maximumDepth`` deep, and more than ``maximumNodes`` nodes in all (so
///   that no file, however it is made, takes more than a fraction of a second);
/// - a list or mapping used as a key, and a key given twice in one mapping (found with a dictionary of key text);
/// - more than one document in the file;
/// - `%TAG` directives, found by a scan of the text before libyaml starts: libyaml checks each one against all
///   before it, so 400,000 of them in a 10 MB file would take minutes.
///
/// Yams' own composer is not used: it resolves aliases, hashes whole nodes to find duplicate keys, recurses once per
/// level of nesting, and builds a tag object for every node.
struct YAMLComposer {
    /// The deepest nesting of lists and mappings a file may have (a framework needs eight).
    static let maximumDepth = 64

    /// The most values, lists and mappings a file may hold: the sample council of 160 measures has about 8,000, and
    /// one of 50,000 measures (a 45 MB file) about 1,750,000.
    static let maximumNodes = 4_000_000

    /// The file name used in errors.
    let file: String

    /// A place in a document: the key of each mapping on the way down to it, `nil` for any item of a list
    /// (`["priorities", nil, "measures", nil]` is every measure of every priority).
    typealias Path = [String?]

    /// Hands over each node at a watched ``Path`` as soon as it is built: the path's index, the item numbers
    /// (from 0) of the lists on the way down, and the node.
    typealias Found = (_ path: Int, _ items: [Int], _ node: YAMLNode) -> Void

    /// The one document in `text`, or `nil` when the text holds none (it is empty, or only comments).
    ///
    /// - Parameters:
    ///   - pipelinedFrom: the size of text from which its events are made on a thread of their own.
    ///   - paths: places whose nodes `found` is given as each is built, on this thread, while the parser goes on
    ///     with the rest of the file (a node a problem later in the file stops the composing of is handed over all
    ///     the same).
    /// - Throws: ``DataFileError`` naming the line of the first problem.
    func compose(_ text: String, pipelinedFrom: Int = Self.pipelinedFrom, watching paths: [Path] = [], found: Found? = nil) throws -> YAMLNode? {
        var text = text
        return try text.withUTF8 { whole in
            // A byte-order mark (Notepad's "UTF-8 with BOM") is no part of the document.
            let bytes = whole.starts(with: [0xEF, 0xBB, 0xBF]) ? UnsafeBufferPointer(rebasing: whole[3...]) : whole
            guard bytes.baseAddress != nil, !bytes.isEmpty else { return nil }
            if let offset = Self.tagDirective(in: bytes) {
                throw DataFileError(
                    file: file, line: Self.line(at: offset, in: bytes), field: nil,
                    message: "YAML %TAG directives are not supported: a framework needs no tags")
            }
            var builder = Builder(file: file, watching: found == nil ? [] : paths, found: found)
            guard bytes.count >= pipelinedFrom else {
                try parse(bytes) { try builder.take($0) }
                return builder.root
            }
            // A large file's events are made on another thread while the document is built from them here: libyaml's
            // parse and each value's text were about two thirds of composing a 10,000-measure framework (measured
            // by `perf` on the benchmark's import), the building the rest.
            let queue = ParseEventQueue()
            let parsed = DispatchSemaphore(value: 0)
            let input = Input(bytes: bytes)
            let composer = self
            WorkThread.start(name: "yaml") {
                defer { parsed.signal() }
                var batch: [ParseEvent] = []
                batch.reserveCapacity(Self.batchSize)
                composer.parse(input.bytes) { event in
                    batch.append(event)
                    guard event.isLast || batch.count >= Self.batchSize else { return false }
                    let sent = queue.send(batch)
                    batch = []
                    batch.reserveCapacity(Self.batchSize)
                    return !sent || event.isLast
                }
            }
            // The parser reads `bytes`: this returns only once it has stopped.
            defer {
                queue.stop()
                parsed.wait()
            }
            while true {
                for event in queue.next() where try builder.take(event) {
                    return builder.root
                }
            }
        }
    }

    /// The size of file from which its events are made on a thread of their own (below it, a thread would cost more
    /// than it saves).
    static let pipelinedFrom = 64 << 10

    /// How many events go over to the composer at a time.
    private static let batchSize = 4096

    /// The text being parsed, handed to the parser's thread (which ``compose(_:)`` waits for before the text goes).
    private struct Input: @unchecked Sendable {
        let bytes: UnsafeBufferPointer<UInt8>
    }

    /// Runs libyaml over `bytes`, handing each event to `take` until it returns true; a parse error is handed over as
    /// the last event (``ParseEvent/failed(_:)``).
    private func parse(_ bytes: UnsafeBufferPointer<UInt8>, _ take: (ParseEvent) throws -> Bool) rethrows {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else {
            _ = try take(.failed(outOfMemory()))
            return
        }
        defer { yaml_parser_delete(parser) }
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, bytes.baseAddress, bytes.count)
        let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
        defer { event.deallocate() }
        while true {
            guard yaml_parser_parse(parser, event) == 1 else {
                _ = try take(.failed(parseError(parser.pointee, in: bytes)))
                return
            }
            let taken = ParseEvent(event.pointee)
            yaml_event_delete(event)
            if try take(taken) { return }
        }
    }

    /// Where the first `%TAG` directive (a line starting with `%TAG`) is in `bytes`, if there is one.
    private static func tagDirective(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let start = bytes.baseAddress else { return nil }
        var offset = 0
        // memchr finds each % fast; a framework has few (tolerances such as 5%).
        while let found = memchr(start + offset, Int32(UInt8(ascii: "%")), bytes.count - offset) {
            let at = start.distance(to: found.assumingMemoryBound(to: UInt8.self))
            let lineStart = at == 0 || bytes[at - 1] == UInt8(ascii: "\n") || bytes[at - 1] == UInt8(ascii: "\r")
            if lineStart, bytes[(at + 1)...].starts(with: "TAG".utf8) { return at }
            offset = at + 1
        }
        return nil
    }

    /// For a line `key: value` whose value YAML cannot take as it is (it starts with `%`, `@`, a backquote or
    /// another indicator, or holds `: ` or ` #`), the key and a hint to quote it: `put the text in quotes:
    /// unit: "%"`. `nil` for any other line.
    static func quotingHint(forLine number: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (key: String, hint: String)? {
        // Find the line by counting line feeds (memchr: fast on a file of any size); a line too long to be a
        // `key: value` someone typed gets no hint.
        guard let base = bytes.baseAddress else { return nil }
        let feed = Int32(UInt8(ascii: "\n"))
        var start = 0
        var seen = 1
        while seen < number, start < bytes.count, let found = memchr(base + start, feed, bytes.count - start) {
            start = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
            seen += 1
        }
        guard seen == number, start < bytes.count else { return nil }
        let longest = 2_000
        let window = min(bytes.count - start, longest + 1)
        let end = memchr(base + start, feed, window).map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? start + window
        guard end - start <= longest else { return nil }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let item = text.hasPrefix("- ") ? String(text.dropFirst(2)).trimmingCharacters(in: .whitespaces) : text
        guard let separator = item.range(of: ": ") else { return nil }
        let key = String(item[..<separator.lowerBound])
        let value = item[separator.upperBound...].trimmingCharacters(in: .whitespaces)
        guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }),
            let first = value.first, first != "\"", first != "'"
        else { return nil }
        let indicators: Set<Character> = ["%", "@", "`", "!", "&", "*", "|", ">", "{", "[", ",", "#", "?", ":", "-"]
        guard indicators.contains(first) || value.contains(": ") || value.contains(" #") else { return nil }
        let quoted = "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        return (key, "if this is text, put it in quotes: \(key): \(quoted.excerpt())")
    }

    /// The offset of the first byte of 1-based `line`, if the file has that line.
    private static func lineStart(_ line: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard line > 1 else { return 0 }
        var seen = 1
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            seen += 1
            if seen == line { return offset + 1 }
        }
        return nil
    }

    /// The 1-based line of the byte at `offset`.
    private static func line(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        1 + bytes[..<min(offset, bytes.count)].reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
    }

    private func outOfMemory() -> DataFileError {
        DataFileError(file: file, line: nil, field: nil, message: "there is not enough memory to read the file")
    }

    /// The error libyaml stopped with, as a ``DataFileError``.
    private func parseError(_ parser: yaml_parser_t, in bytes: UnsafeBufferPointer<UInt8>) -> DataFileError {
        let problem = parser.problem.map { String(cString: $0) } ?? "it cannot be read"
        switch parser.error {
        case YAML_MEMORY_ERROR:
            return outOfMemory()
        case YAML_READER_ERROR:
            // A reader error has a byte offset rather than a line.
            let line = Self.line(at: parser.problem_offset, in: bytes)
            return DataFileError(file: file, line: line, field: nil, message: "not valid YAML: \(problem)")
        default:
            let line = Int(parser.problem_mark.line) + 1
            if problem.hasPrefix("Maximum nesting level") { return Builder.tooDeep(file: file, line: line) }
            // A tab where the indentation or a value begins: YAML indents with spaces only (libyaml says "found
            // character that cannot start any token", which names no tab).
            let column = Int(parser.problem_mark.column)
            if let start = Self.lineStart(line, in: bytes) {
                let atMark = problem.contains("cannot start any token") && start + column < bytes.count && bytes[start + column] == UInt8(ascii: "\t")
                // "found a tab character that violates indentation": the line's first tab.
                let firstTab = bytes[start...].prefix { $0 != UInt8(ascii: "\n") }.firstIndex(of: UInt8(ascii: "\t")).map { $0 - start }
                if let tab = atMark ? column : problem.contains("tab character") ? firstTab : nil {
                    return DataFileError(
                        file: file, line: line, field: nil,
                        message: "not valid YAML: a tab at column \(tab + 1); YAML is indented with spaces, not tabs: replace the tab with spaces")
                }
            }
            // The value at fault is usually on the line the problem was found, else on the line its context began.
            let hinted = [line, Int(parser.context_mark.line) + 1].lazy.compactMap { Self.quotingHint(forLine: $0, in: bytes) }.first
            guard let (key, hint) = hinted else {
                return DataFileError(file: file, line: line, field: nil, message: "not valid YAML: \(problem)")
            }
            return DataFileError(file: file, line: line, field: key, message: "not valid YAML: \(problem); \(hint)")
        }
    }
}

extension YAMLComposer {
    /// Builds the document from its events, keeping the lists and mappings still open on a stack.
    private struct Builder {
        /// A list or mapping whose end event has not come yet (a class, so that adding to it never copies it).
        final class Frame {
            let line: Int
            let isMapping: Bool
            var items: [YAMLNode] = []
            var mapping: YAMLMapping
            /// In a mapping, the key whose value comes next.
            var key: YAMLScalar?
            /// The watched paths (a bit each, by index) that lead here: every step above this frame is the key or
            /// list item taken to reach it, and the path goes deeper.
            let onPaths: UInt64
            /// Of ``onPaths``, those whose step at this frame is taken by the node coming next: in a mapping, those
            /// whose key here is ``key``; in a list, those that take any item here.
            var nextOnPaths: UInt64 = 0

            init(line: Int, isMapping: Bool, onPaths: UInt64) {
                self.line = line
                self.isMapping = isMapping
                self.onPaths = onPaths
                mapping = YAMLMapping(pairs: [], line: line, indexByKey: [:])
            }
        }

        let file: String
        private(set) var root: YAMLNode?
        private var open: [Frame] = []
        private var documents = 0
        private var nodes = 0
        /// The watched paths (at most 64, each 1 to 63 steps long: others are never met).
        private let watched: [Path]
        private let found: Found?

        init(file: String, watching watched: [Path] = [], found: Found? = nil) {
            self.file = file
            self.watched = watched.prefix(64).map { (1..<64).contains($0.count) ? $0 : [] }
            self.found = found
        }

        /// The watched paths longer than `depth` steps.
        private func paths(longerThan depth: Int) -> UInt64 {
            paths(among: ~0) { $0.count > depth }
        }

        /// The paths of `among` (a bit each, by index) that `test` holds for.
        private func paths(among: UInt64, _ test: (Path) -> Bool) -> UInt64 {
            watched.indices.reduce(0) { among & 1 << UInt64($1) != 0 && test(watched[$1]) ? $0 | 1 << UInt64($1) : $0 }
        }

        /// Adds what `event` says to the document; true at the end of the stream.
        mutating func take(_ event: ParseEvent) throws -> Bool {
            switch event {
            case .streamEnd:
                return true
            case .failed(let error):
                throw error
            case .documentStart(let line):
                documents += 1
                guard documents == 1 else {
                    throw error(line, "the file holds a second YAML document (after a line of ---); it must hold one")
                }
            case .anchorOrAlias(let line):
                throw refused(line)
            case .scalar(let line, let string, let isPlain, let holdsNUL):
                try count(line)
                // A NUL can come in through an escape ("\0"); no field may hold one (SQLite's text ends there).
                guard !holdsNUL else { throw error(line, "the value holds a NUL character (\\0), which no field may hold") }
                try add(.scalar(YAMLScalar(string: string, line: line, isPlain: isPlain)))
            case .sequenceStart(let line):
                try begin(line: line, isMapping: false)
            case .mappingStart(let line):
                try begin(line: line, isMapping: true)
            case .end:
                guard let frame = open.popLast() else { break }
                try add(frame.isMapping ? .mapping(frame.mapping) : .sequence(frame.items, line: frame.line))
            case .other:
                break
            }
            return false
        }

        /// Counts a node starting on `line`, refusing one too many.
        private mutating func count(_ line: Int) throws {
            nodes += 1
            guard nodes <= YAMLComposer.maximumNodes else {
                throw error(line, "the file holds more than \(NumberText.grouped(Double(YAMLComposer.maximumNodes), decimals: 0)) values, lists and mappings; a framework needs far fewer")
            }
        }

        /// Opens a list or mapping starting on `line`.
        private mutating func begin(line: Int, isMapping: Bool) throws {
            try count(line)
            guard open.count < YAMLComposer.maximumDepth else { throw Self.tooDeep(file: file, line: line) }
            if let top = open.last, top.isMapping, top.key == nil {
                throw error(line, "a key must be a single value, not a list or mapping")
            }
            // The paths that lead through the frame above, by the step just taken there, and go deeper than this.
            let level = open.count
            let above = open.last.map { $0.nextOnPaths } ?? paths(longerThan: 0)
            let frame = Frame(line: line, isMapping: isMapping, onPaths: above == 0 ? 0 : above & paths(longerThan: level))
            if !isMapping, frame.onPaths != 0 { frame.nextOnPaths = paths(among: frame.onPaths) { $0[level] == nil } }
            open.append(frame)
        }

        /// Puts a finished node in the list or mapping it belongs to, or makes it the root.
        private mutating func add(_ node: YAMLNode) throws {
            guard let top = open.last else {
                root = node
                return
            }
            guard top.isMapping else {
                if top.nextOnPaths != 0 { handOver(node, on: top.nextOnPaths) }
                top.items.append(node)
                return
            }
            if let key = top.key {
                if top.nextOnPaths != 0 { handOver(node, on: top.nextOnPaths) }
                top.mapping.pairs.append((key, node))
                top.key = nil
                top.nextOnPaths = 0
                return
            }
            // A key: begin(line:isMapping:) has refused a list or mapping here, so it is a single value.
            guard case .scalar(let key) = node else { return }
            if let first = top.mapping.index(of: key.string) {
                throw DataFileError(
                    file: file, line: key.line, field: key.string,
                    message: "the key appears twice in the same mapping (first on line \(top.mapping.pairs[first].key.line))")
            }
            let count = top.mapping.pairs.count
            if count >= YAMLMapping.indexedFrom {
                top.mapping.indexByKey[key.string] = count
            } else if count == YAMLMapping.indexedFrom - 1 {
                // The mapping is about to need its dictionary: index the keys so far, and this one.
                for (index, pair) in top.mapping.pairs.enumerated() { top.mapping.indexByKey[pair.key.string] = index }
                top.mapping.indexByKey[key.string] = count
            }
            top.key = key
            if top.onPaths != 0 {
                let level = open.count - 1
                top.nextOnPaths = paths(among: top.onPaths) { $0[level] == key.string }
            }
        }

        /// Gives `found` the node about to be added to the innermost frame, whose step to it `paths` take: those
        /// of them that end there.
        private func handOver(_ node: YAMLNode, on paths: UInt64) {
            for index in watched.indices where paths & 1 << UInt64(index) != 0 && watched[index].count == open.count {
                found?(index, open.filter { !$0.isMapping }.map(\.items.count), node)
            }
        }

        private func error(_ line: Int, _ message: String) -> DataFileError {
            DataFileError(file: file, line: line, field: nil, message: message)
        }

        private func refused(_ line: Int) -> DataFileError {
            error(line, "anchors and aliases (&name, *name) are not supported: write the value out in full")
        }

        static func tooDeep(file: String, line: Int) -> DataFileError {
            DataFileError(
                file: file, line: line, field: nil,
                message: "lists and mappings are nested more than \(YAMLComposer.maximumDepth) deep")
        }
    }
}
