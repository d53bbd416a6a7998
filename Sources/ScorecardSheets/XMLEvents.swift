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
