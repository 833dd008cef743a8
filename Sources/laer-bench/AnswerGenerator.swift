import LAERValues

/// SplitMix64: small, fast and the same on every machine, so a seed always gives the same files.
struct SplitMix64 {
    var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// Uniform in 0..<count.
    mutating func below(_ count: Int) -> Int { Int(next() % UInt64(count)) }

    /// Triangular on (-width, width): the sum of two uniforms, centred.
    mutating func jitter(_ width: Double) -> Double { (unit() + unit() - 1) * width }
}

/// Writes synthetic `laer-answers/1` documents like `Questionnaires/Examples/*.json`: pretty-printed
/// with a 2-space indent, every capability answered.
///
/// Each file depends only on the seed and its
/// index, so files can be written in any order and reused.
struct AnswerGenerator {
    let questionnaireID: String
    let questionnaireVersion: String
    /// Capability ids in questionnaire order, with their marker position (0–4) and phase number (2–4).
    let capabilities: [(id: String, marker: Int, phase: Int)]
    let markerIDs: [String]
    let phaseIDs: [String]
    let roadSignIDs: [String]
    let seed: UInt64

    static let organizationCount = 500
    static let filesPerFolder = 1000

    init(questionnaire: Questionnaire, seed: UInt64) {
        questionnaireID = questionnaire.id
        questionnaireVersion = questionnaire.version.description
        markerIDs = MarkerID.allCases.map(\.rawValue)
        phaseIDs = PhaseID.allCases.map(\.rawValue)
        capabilities = questionnaire.capabilities.map { capability in
            (capability.id, MarkerID.allCases.firstIndex(of: capability.marker)!, capability.phase.number)
        }
        roadSignIDs = questionnaire.roadSigns.map(\.id)
        self.seed = seed
    }

    /// `batch-007/answers-007123.json`: a thousand files a folder, names sorting in index order.
    static func relativePath(of index: Int) -> String {
        "batch-\(padded(index / filesPerFolder, 3))/answers-\(padded(index, 6)).json"
    }

    static func padded(_ number: Int, _ width: Int) -> String {
        let digits = String(number)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    // MARK: Word lists

    static let organizationFirst = [
        "Northwind", "Contoso", "Fabrikam", "Tailspin", "Litware", "Adventure", "Proseware", "Wingtip",
        "Lucerne", "Margie's", "Alpine", "Coho", "Humongous", "Trey", "Wide World", "Blue Yonder",
        "Graphic", "Woodgrove", "Fourth", "Relecloud", "Nordlicht", "Sæter", "Café", "Ōtsuki", "Zürich",
    ]
    static let organizationSecond = [
        "Software", "Systems", "Cloud", "Networks", "Analytics", "Data", "Labs", "Technologies",
        "Solutions", "Platforms", "Security", "Digital", "Robotics", "Health IT", "Logistics",
        "Devices", "Media", "Learning", "Energy", "Finance",
    ]
    static let firstNames = [
        "Dana", "Priya", "Jonas", "Amara", "Mateo", "Zoë", "Søren", "Aiko", "Kwame", "Lucía",
        "Noah", "Ingrid", "Ravi", "Chloé", "Tomasz", "Fatima", "Elif", "Kenji", "Marta", "Oisín",
    ]
    static let lastNames = [
        "Whitfield", "Raman", "Becker", "Okafor", "García", "Lindqvist", "Nakamura", "Mensah",
        "Müller", "O'Brien", "Kowalski", "Haddad", "Yılmaz", "Fernández", "Novak", "Ångström",
        "Dubois", "Sato", "Rossi", "Kaur",
    ]
    static let roles = [
        "Chief Revenue Officer", "VP Customer Success", "Head of Sales Operations", "Chief Executive Officer",
        "VP Services", "Director of Renewals", "Chief Customer Officer", "Head of Revenue Operations",
        "Chief Financial Officer", "VP Sales",
    ]
    static let notes = [
        "Usage dashboard covers the top 40 accounts only; the rest is in spreadsheets.",
        "Piloted in EMEA last quarter; not yet rolled out elsewhere.",
        "Finance and Sales still disagree on the definition.",
        "Owned by the CS leader, reviewed monthly — but only for strategic accounts.",
        "Started in January; too early to call it routine.",
        "Exists on paper; nobody could show us the report.",
        "Done for renewals, not for expansion deals.",
        "Board pack includes it since the last offsite.",
        "Partner-led accounts are not covered.",
        "Réunion mensuelle avec l'équipe produit depuis mars.",
    ]

    /// One organization's starting maturity, 0 to 2.6 phases above the floor.
    func baseMaturity(of organization: Int) -> Double {
        var random = SplitMix64(seed: seed ^ 0xA5A5_0000_0000_0000 ^ UInt64(organization))
        return random.unit() * 2.6
    }

    // MARK: One file

    func document(index: Int) -> String {
        var random = SplitMix64(seed: seed &+ UInt64(index) &* 0xD1B5_4A32_D192_ED03)
        _ = random.next()
        let organization = random.below(Self.organizationCount)
        let organizationName =
            Self.organizationFirst[organization % Self.organizationFirst.count] + " "
            + Self.organizationSecond[organization / Self.organizationFirst.count % Self.organizationSecond.count]
        let name = Self.firstNames[random.below(Self.firstNames.count)] + " " + Self.lastNames[random.below(Self.lastNames.count)]
        let role = Self.roles[random.below(Self.roles.count)]
        let year = 2024 + random.below(3)
        let month = 1 + random.below(12)
        let day = 1 + random.below(28)
        // An organization matures over the three years, with some noise between assessments.
        let progress = (Double(year - 2024) + Double(month - 1) / 12) / 3
        let maturity = max(0, baseMaturity(of: organization) + progress * 0.9 + random.jitter(0.4))
        let markerOffsets = markerIDs.map { _ in random.jitter(0.45) }

        var out = "{\n"
        out += "  \"schema\": \"laer-answers/1\",\n"
        out +=
            "  \"questionnaire\": {\n    \"id\": \(quoted(questionnaireID)),\n    \"version\": \(quoted(questionnaireVersion))\n  },\n"
        out += "  \"respondent\": {\n    \"name\": \(quoted(name)),\n    \"role\": \(quoted(role)),\n"
        out += "    \"organization\": \(quoted(organizationName))\n  },\n"
        out += "  \"assessedOn\": \"\(year)-\(Self.padded(month, 2))-\(Self.padded(day, 2))\",\n"
        out += "  \"period\": \"\(Quarter(ordinal: year * 4 + (month - 1) / 3).label)\",\n"
        out += "  \"placements\": {\n"
        for (position, marker) in markerIDs.enumerated() {
            // Respondents tend to place themselves a little higher than the evidence.
            let placed = min(4, max(1, Int(maturity + markerOffsets[position] + 1.3 + random.jitter(0.8))))
            out += "    \(quoted(marker)): \(quoted(phaseIDs[placed - 1]))" + (position + 1 < markerIDs.count ? ",\n" : "\n")
        }
        out += "  },\n"
        out += "  \"answers\": {\n"
        for (position, capability) in capabilities.enumerated() {
            let rating: String
            if random.unit() < 0.04 {
                rating = "na"
            } else {
                let level = maturity + markerOffsets[capability.marker] - Double(capability.phase - 2) + random.jitter(0.7)
                rating = level < 0.2 ? "not" : level < 0.55 ? "partially" : level < 0.95 ? "largely" : "fully"
            }
            out += "    \(quoted(capability.id)): {\n      \"rating\": \"\(rating)\""
            if random.unit() < 0.07 {
                out += ",\n      \"note\": \(quoted(Self.notes[random.below(Self.notes.count)]))"
            }
            out += "\n    }" + (position + 1 < capabilities.count ? ",\n" : "\n")
        }
        out += "  },\n"
        out += "  \"roadSigns\": {\n"
        for (position, sign) in roadSignIDs.enumerated() {
            let seen = random.unit() < min(0.9, 0.15 + maturity * 0.25)
            out += "    \(quoted(sign)): \(seen)" + (position + 1 < roadSignIDs.count ? ",\n" : "\n")
        }
        out += "  }\n}\n"
        return out
    }

    /// A JSON string; the word lists hold no control characters, but quotes and backslashes are escaped anyway.
    func quoted(_ text: String) -> String {
        var out = "\""
        for character in text.unicodeScalars {
            switch character {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(character)
            }
        }
        return out + "\""
    }
}
