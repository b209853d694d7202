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
///
/// Two guards around swift-corelibs-foundation's parser, both found by
/// DamagedWorkbookTests: it runs libxml2 in recovery mode, so damaged XML
/// may "parse" with part of its elements (every error reported to the
/// delegate, and an unbalanced document, therefore fails the part); and it
/// force-unwraps element and attribute names as UTF-8, so a name with an
/// invalid byte crashed the process (the part must be valid UTF-8 before it
/// is handed over; Excel and LibreOffice write UTF-8).
final class XMLEvents: NSObject, XMLParserDelegate {
    private let start: (String, [String: String]) -> Void
    private let end: (String) -> Void
    private let text: (String) -> Void
    private var depth = 0, roots = 0
    private var failure: String?

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
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw .damaged("the part \(part) is not UTF-8 text")
        }
        let events = XMLEvents(start: start, end: end, text: text)
        let parser = XMLParser(data: Data(bytes))
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = events
        let parsed = parser.parse()
        guard parsed, events.failure == nil, events.depth == 0, events.roots == 1 else {
            let reason =
                events.failure ?? parser.parserError.map { "\($0.localizedDescription)" } ?? "it ends too early"
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
        if depth == 0 { roots += 1 }
        depth += 1
        start(Self.local(elementName), attributes)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        depth -= 1
        end(Self.local(elementName))
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        if failure == nil { failure = parseError.localizedDescription }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text(string) }
}
