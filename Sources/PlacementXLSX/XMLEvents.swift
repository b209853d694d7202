import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Streams one XML part through Foundation's `XMLParser` (libxml2's SAX
/// reader on Linux): the one place PlacementXLSX parses XML.
///
/// Element names arrive without their namespace prefix (`x:row` → `row`),
/// since writers differ in the prefixes they use; attributes keep theirs
/// (`r:id`). External entities are never resolved.
final class XMLEvents: NSObject, XMLParserDelegate {
    private let start: (String, [String: String]) -> Void
    private let end: (String) -> Void
    private let text: (String) -> Void

    private init(
        start: @escaping (String, [String: String]) -> Void, end: @escaping (String) -> Void,
        text: @escaping (String) -> Void
    ) {
        self.start = start
        self.end = end
        self.text = text
    }

    /// Parses `bytes` (the part named `part`, for messages), calling
    /// `start` for each opening tag, `end` for each closing one and `text`
    /// for character data (possibly in several pieces).
    static func parse(
        _ bytes: [UInt8], part: String, start: @escaping (String, [String: String]) -> Void,
        end: @escaping (String) -> Void = { _ in }, text: @escaping (String) -> Void = { _ in }
    ) throws(XLSXError) {
        let events = XMLEvents(start: start, end: end, text: text)
        let parser = XMLParser(data: Data(bytes))
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = events
        guard parser.parse() else {
            let reason = parser.parserError.map { "\($0.localizedDescription)" } ?? "unknown error"
            throw .damaged("the part \(part) is not well-formed XML (line \(parser.lineNumber): \(reason))")
        }
    }

    static func local(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String]
    ) {
        start(Self.local(elementName), attributes)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        end(Self.local(elementName))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text(string) }
}
