/// A parsed JSON value with the line and column where it starts.
///
/// Numbers keep their literal text exactly (`0.14` stays `"0.14"`), so that
/// shares and rates can be read as exact decimals (model.md, ruling 3).
/// Objects keep their members in input order, each with the key's position.
/// Lines and columns are 1-based; columns count Unicode scalars.
public struct JSONValue: Sendable, Equatable {
    /// One `"key": value` pair of an object.
    public struct Member: Sendable, Equatable {
        public var key: String
        /// Position of the key's opening quote.
        public var line: Int
        public var column: Int
        public var value: JSONValue

        public init(key: String, line: Int = 0, column: Int = 0, value: JSONValue) {
            self.key = key
            self.line = line
            self.column = column
            self.value = value
        }
    }

    /// What the value is.
    public enum Content: Sendable, Equatable {
        case object([Member])
        case array([JSONValue])
        case string(String)
        /// The number's literal text, exactly as written (JSON grammar).
        case number(String)
        case bool(Bool)
        case null
    }

    public var content: Content
    public var line: Int
    public var column: Int

    public init(_ content: Content, line: Int = 0, column: Int = 0) {
        self.content = content
        self.line = line
        self.column = column
    }

    /// `"an object"`, `"a string"`, … for messages such as
    /// "expected a string, found a number".
    public var kindDescription: String {
        switch content {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .bool: "a boolean"
        case .null: "null"
        }
    }

    /// The member named `key` of an object (nil when absent or not an object).
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = content else { return nil }
        return members.first(where: { $0.key == key })?.value
    }

    /// A number's value as a Double (nil for anything else): how the
    /// readers of allvet's own results files take a figure.
    public var numberValue: Double? {
        if case .number(let n) = content { return Double(n) }
        return nil
    }
}

/// A JSON syntax error: where it is and what was expected there.
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    /// E.g. `expected "," or "}" after an object member, found "]"`.
    public var message: String

    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    /// `line L, column C: message`.
    public var description: String { "line \(line), column \(column): \(message)" }
}

/// A key that occurs twice in one object (the later member is dropped).
public struct JSONDuplicateKey: Sendable, Equatable {
    /// JSON path of the repeated member, e.g. `$.hosts[2].name`.
    public var path: String
    /// The repeated key.
    public var key: String
    public var line: Int
    public var column: Int
    /// Line of the first occurrence.
    public var firstLine: Int
}

extension JSONValue {
    /// Parses a complete JSON text (RFC 8259) from UTF-8 bytes.
    ///
    /// A leading UTF-8 byte-order mark is skipped. Anything but whitespace
    /// after the value is an error. Duplicate keys do not stop parsing: the
    /// first member is kept and each repetition is returned, so that a reader
    /// can report them with its other errors.
    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> (
        value: JSONValue, duplicateKeys: [JSONDuplicateKey]
    ) {
        let result: Result<(JSONValue, [JSONDuplicateKey]), JSONSyntaxError> = bytes.withUnsafeBufferPointer { buffer in
            var parser = JSONParser(buffer)
            do throws(JSONSyntaxError) {
                let v = try parser.parseDocument()
                return .success((v, parser.duplicates))
            } catch {
                return .failure(error)
            }
        }
        switch result {
        case .success(let r): return (r.0, r.1)
        case .failure(let e): throw e
        }
    }

    /// Parses a JSON text given as a string.
    public static func parse(_ text: String) throws(JSONSyntaxError) -> (
        value: JSONValue, duplicateKeys: [JSONDuplicateKey]
    ) {
        try parse(Array(text.utf8))
    }
}
