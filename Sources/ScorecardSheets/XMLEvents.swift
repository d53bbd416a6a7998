import Foundation
import ScorecardKit

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads one XML part of a workbook as a stream of events, with namespace prefixes dropped from names (`x:row` is
/// `row`, `r:id` is `id`). A document type declaration is refused before parsing: a workbook never has one, and
/// its entities are how XML is made to expand without end.
enum XMLEvents {
    enum Event {
        case start(_ name: String, _ attributes: [String: String])
        case end(_ name: String)
        case text(String)
    }

    /// Parses `data`, the part `part` of the workbook at `file`, calling `handle` with each event in order.
    ///
    /// - Throws: ``DataFileError`` for XML that is not well formed; whatever `handle` throws, as it is.
    static func parse(_ data: Data, part: String, file: String, _ handle: @escaping (Event) throws -> Void) throws {
        if data.range(of: Data("<!DOCTYPE".utf8)) != nil || data.range(of: Data("<!ENTITY".utf8)) != nil {
            throw DataFileError(file: file, line: nil, field: nil, message: "its part \(part) declares a document type, which no workbook does")
        }
        if !Self.isUTF8OrUTF16(data) {
            throw DataFileError(file: file, line: nil, field: nil, message: "its part \(part) is not well-formed XML (its bytes are not UTF-8 text)")
        }
        // From a stream, which Foundation hands to libxml2 a piece at a time: given all at once, libxml2 refuses a
        // part of more than 10 MB ("huge input lookup", reported only as an internal error), and an exported
        // workbook of 65,000 values or more could not be read back.
        let parser = XMLParser(stream: InputStream(data: data))
        let delegate = Delegate(handle)
        parser.delegate = delegate
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        let parsed = parser.parse()
        if let failure = delegate.failure { throw failure }
        // Foundation's parser on Linux can report success for a document cut short: check the balance too.
        guard parsed, parser.parserError == nil, delegate.elements > 0, delegate.depth == 0 else {
            throw DataFileError(
                file: file, line: nil, field: nil, message: "its part \(part) is not well-formed XML (near line \(parser.lineNumber))")
        }
    }

    /// Whether `data` is UTF-8 text, as a workbook's parts are (or starts with a UTF-16 byte order mark, which
    /// libxml2 decodes itself). Foundation's parser on Linux crashes on a name that is not UTF-8 (`&amp` then 0xF5,
    /// an element's name: found by fuzzing, docs/fuzzing.md). Written by hand: `String(validating:)` would copy a
    /// part of up to 200 MB to say so; this reads eight ASCII bytes at a time.
    static func isUTF8OrUTF16(_ data: Data) -> Bool {
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) { return true }
        return data.withUnsafeBytes { raw in
            let count = raw.count
            var i = 0
            while i < count {
                while i + 8 <= count, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
                guard i < count else { return true }
                let lead = raw[i]
                if lead < 0x80 {
                    i += 1
                    continue
                }
                // The length, and the range of the second byte (excluding overlong forms, surrogates, beyond U+10FFFF).
                let length: Int, second: ClosedRange<UInt8>
                switch lead {
                case 0xC2...0xDF: (length, second) = (2, 0x80...0xBF)
                case 0xE0: (length, second) = (3, 0xA0...0xBF)
                case 0xE1...0xEC, 0xEE...0xEF: (length, second) = (3, 0x80...0xBF)
                case 0xED: (length, second) = (3, 0x80...0x9F)
                case 0xF0: (length, second) = (4, 0x90...0xBF)
                case 0xF1...0xF3: (length, second) = (4, 0x80...0xBF)
                case 0xF4: (length, second) = (4, 0x80...0x8F)
                default: return false
                }
                guard i + length <= count, second.contains(raw[i + 1]) else { return false }
                for k in 2..<length where raw[i + k] & 0xC0 != 0x80 { return false }
                i += length
            }
            return true
        }
    }

    /// `x:row` -> `row`.
    static func localName(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }

    private final class Delegate: NSObject, XMLParserDelegate {
        let handle: (Event) throws -> Void
        var failure: (any Error)?
        /// How many elements are open, and how many there have been.
        var depth = 0
        var elements = 0

        init(_ handle: @escaping (Event) throws -> Void) {
            self.handle = handle
        }

        private func send(_ event: Event, _ parser: XMLParser) {
            guard failure == nil else { return }
            do {
                try handle(event)
            } catch {
                failure = error
                parser.abortParsing()
            }
        }

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
            attributes attributeDict: [String: String] = [:]
        ) {
            depth += 1
            elements += 1
            var attributes: [String: String] = [:]
            for (key, value) in attributeDict { attributes[XMLEvents.localName(key)] = value }
            send(.start(XMLEvents.localName(elementName), attributes), parser)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            depth -= 1
            send(.end(XMLEvents.localName(elementName)), parser)
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            send(.text(string), parser)
        }
    }
}
