import LAERFormats
import LAERValues

/// The header names a user gives for a wide export's columns, where a survey tool named them its
/// own way.
///
/// Written `respondent=Full Name,organization=Company,assessedOn=Submitted,k2=We track usage.`:
/// keys are `respondent`, `role`, `organization`, `assessedOn` and `period` (in any case), or a
/// capability id, for a column headed by the question's text. Entries are separated by commas; an
/// entry whose header has a comma is quoted whole, as in CSV: `"k2=Usage, weekly"`. A mapped
/// column takes the place of any column the header names that field by default.
package struct ColumnMap: Sendable, Equatable {
    /// A fixed column of the wide export.
    package enum Field: String, CaseIterable, Sendable {
        case respondent, role, organization, assessedOn, period
    }

    /// The header text of each mapped fixed column, trimmed.
    package var fields: [Field: String] = [:]
    /// The header text of each mapped capability column, by capability id, trimmed.
    package var capabilities: [String: String] = [:]

    package static let none = ColumnMap()

    private init() {}

    package init(parsing text: String) throws(ColumnMapError) {
        let rows: [CSVRow]
        do {
            rows = try CSVReader.parse(text, separator: .comma)
        } catch {
            throw .syntax(error.message)
        }
        var seen = Set<String>()
        for entry in rows.flatMap(\.fields) {
            let entry = entry.trimmingSpaces()
            if entry.isEmpty { continue }
            guard let equals = entry.firstIndex(of: "=") else { throw .noEquals(entry) }
            let key = String(entry[..<equals]).trimmingSpaces()
            let value = String(entry[entry.index(after: equals)...]).trimmingSpaces()
            guard !key.isEmpty else { throw .noKey(entry) }
            guard !value.isEmpty else { throw .emptyValue(key) }
            guard seen.insert(key.lowercased()).inserted else { throw .duplicateKey(key) }
            if let field = Field.allCases.first(where: { $0.rawValue.lowercased() == key.lowercased() }) {
                fields[field] = value
            } else if let closest = Suggestion.closest(to: key, among: Field.allCases.map(\.rawValue)) {
                throw .unknownKey(key, closest: closest)
            } else {
                capabilities[key] = value
            }
        }
    }

    /// Whether the map names no column.
    package var isEmpty: Bool { fields.isEmpty && capabilities.isEmpty }
}

/// A column map that cannot be read: what is wrong and how to write it.
package enum ColumnMapError: Error, Sendable, Equatable, CustomStringConvertible {
    case syntax(String)
    case noEquals(String)
    case noKey(String)
    case emptyValue(String)
    case duplicateKey(String)
    case unknownKey(String, closest: String)

    static let form = "write each column as key=Header text, such as respondent=Full name"

    package var description: String {
        switch self {
        case .syntax(let message): "the column map is not a comma-separated list: \(SafeText.visible(message))"
        case .noEquals(let entry): "\(SafeText.quoted(entry)) in the column map has no '='; \(Self.form)"
        case .noKey(let entry): "\(SafeText.quoted(entry)) in the column map has no key before '='; \(Self.form)"
        case .emptyValue(let key): "\(SafeText.quoted(key)) in the column map has no header text after '='; \(Self.form)"
        case .duplicateKey(let key): "the column map names \(SafeText.quoted(key)) twice; keep one of the two"
        case .unknownKey(let key, let closest):
            "\(SafeText.quoted(key)) is not a column the map can name; did you mean \(SafeText.quoted(closest))? (the keys are \(ColumnMap.Field.allCases.map(\.rawValue).joined(separator: ", ")) or a capability id)"
        }
    }
}
