/// The five markers on which a company's phase is read.
public enum MarkerID: String, CaseIterable, Comparable, Sendable, Codable {
    case kpis
    case practices
    case compensation
    case organization
    case culture

    public static func < (lhs: MarkerID, rhs: MarkerID) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
