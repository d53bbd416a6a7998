import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A report's HTML read back with an XML parser (the writer's HTML is also well-formed XML): every element with
/// its attributes and the text directly inside it, in document order. A parse error fails the read.
struct HTMLDocument {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text = ""
        /// The indexes of the elements it is inside, outermost first.
        var ancestors: [Int]
    }

    private(set) var elements: [Element] = []

    init(_ html: String) throws {
        let parser = XMLParser(data: Data(html.utf8))
        let collector = Collector()
        parser.delegate = collector
        guard parser.parse() else {
            throw ParseFailure(description: parser.parserError.map { "\($0)" } ?? "unknown", line: parser.lineNumber)
        }
        elements = collector.elements
    }

    struct ParseFailure: Error, CustomStringConvertible {
        var description: String
        var line: Int
    }

    /// The elements named `name`.
    func all(_ name: String) -> [Element] { elements.filter { $0.name == name } }

    /// The text of every element inside element `index` (and its own), joined.
    func text(inside index: Int) -> String {
        var parts = [elements[index].text]
        for (i, element) in elements.enumerated() where i > index && element.ancestors.contains(index) {
            parts.append(element.text)
        }
        return parts.joined()
    }

    /// The index of the first element named `name` whose attribute `key` is `value`.
    func index(of name: String, _ key: String, _ value: String) -> Int? {
        elements.firstIndex { $0.name == name && $0.attributes[key] == value }
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var elements: [Element] = []
        var open: [Int] = []

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            elements.append(Element(name: name, attributes: attributes, ancestors: open))
            open.append(elements.count - 1)
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            open.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if let current = open.last { elements[current].text += string }
        }
    }
}
