/// A parsed JSON document that keeps object members in their written order.
package enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// A short name of the value's kind, for messages such as "expected a string, found a number".
    package var kindDescription: String {
        switch self {
        case .null: "null"
        case .bool: "true or false"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    package var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    package var objectValue: JSONObject? {
        if case .object(let value) = self { return value }
        return nil
    }

    package var arrayValue: [JSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }
}

/// One `"key": value` pair of a JSON object.
package struct JSONMember: Sendable, Equatable {
    package var key: String
    package var value: JSONValue

    package init(_ key: String, _ value: JSONValue) {
        self.key = key
        self.value = value
    }
}

/// A JSON object: members in document order, duplicates kept so that a reader can report them.
package struct JSONObject: Sendable, Equatable {
    package var members: [JSONMember]

    package init(_ members: [JSONMember] = []) {
        self.members = members
    }

    /// An object with these members in this order: `JSONObject(["id": .string("x")])`.
    package init(_ pairs: KeyValuePairs<String, JSONValue>) {
        members = pairs.map { JSONMember($0.key, $0.value) }
    }

    /// The value of the first member named `key`.
    package subscript(key: String) -> JSONValue? {
        members.first { $0.key == key }?.value
    }

    package var keys: [String] { members.map(\.key) }
}
