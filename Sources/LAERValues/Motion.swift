/// The four motions of the LAER customer engagement model.
package enum Motion: String, CaseIterable, Comparable, Sendable, Codable {
    case land
    case adopt
    case expand
    case renew

    package static func < (lhs: Motion, rhs: Motion) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
