import LAERValues

/// Replaces respondent names and roles with pseudonyms that stay the same for the same person
/// within one run (so a consultant can share results) and differ between runs (a new salt).
package struct Anonymizer: Sendable {
    package var salt: UInt64

    package init(salt: UInt64) {
        self.salt = salt
    }

    /// "Respondent K7Q2MX": the same name, in any case or spacing, gives the same pseudonym.
    package func pseudonym(forName name: String) -> String {
        "Respondent " + code(name, kind: 1)
    }

    package func pseudonym(forRole role: String) -> String {
        "Role " + code(role, kind: 2)
    }

    package func anonymized(_ respondent: Respondent) -> Respondent {
        Respondent(
            name: respondent.name.map(pseudonym(forName:)), role: respondent.role.map(pseudonym(forRole:)),
            organization: respondent.organization)
    }

    /// Six characters of a salted FNV-1a hash, in an alphabet without look-alike letters.
    func code(_ text: String, kind: UInt8) -> String {
        let normalized = text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ salt
        for byte in [kind] + Array(normalized.utf8) {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        hash ^= hash >> 29
        hash = hash &* 0xbf58_476d_1ce4_e5b9
        hash ^= hash >> 32
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var code = ""
        for _ in 0..<6 {
            code.append(alphabet[Int(hash % UInt64(alphabet.count))])
            hash /= UInt64(alphabet.count)
        }
        return code
    }
}
