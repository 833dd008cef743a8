import Glibc

/// Reads an ordinary `laer-answers/1` file straight from its bytes into an `Assessment`, without
/// building a JSON tree: the fast path of batch scoring.
///
/// It accepts only files that the full path (`JSONParser` + `AssessmentDecoder`) accepts without
/// any problem, and then yields exactly the same assessment. Anything else (an escape in a
/// string, a number, an unknown member, any mistake) makes it return nil, and the full path reads
/// the file and reports what is wrong: there is one set of error messages, not two.
public struct FastAnswerReader: Sendable {
    public let questionnaire: Questionnaire
    let capabilityIDs: [[UInt8]]
    let roadSignIDs: [[UInt8]]

    public init(questionnaire: Questionnaire) {
        self.questionnaire = questionnaire
        capabilityIDs = questionnaire.capabilities.map { Array($0.id.utf8) }
        roadSignIDs = questionnaire.roadSigns.map { Array($0.id.utf8) }
    }

    public func read(_ bytes: [UInt8]) -> Assessment? {
        read(bytes, keepingAnswers: true)?.assessment
    }

    /// The assessment and each capability's value by questionnaire position (the scorer's
    /// evidence). Without `keepingAnswers` the assessment's `answers` stay empty: batch scoring
    /// needs only the evidence, and skips hashing every id.
    func read(_ bytes: [UInt8], keepingAnswers: Bool) -> (assessment: Assessment, evidence: [ItemValue?])? {
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = Scanner(bytes: buffer)
            return readDocument(&scanner, keepingAnswers: keepingAnswers)
        }
    }

    /// A cursor over the bytes; every method returns nil (or false) for anything it does not expect.
    struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var offset = 0

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
            if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { offset = 3 }
        }

        mutating func skipSpace() {
            while offset < bytes.count, bytes[offset] == 0x20 || bytes[offset] == 0x0A || bytes[offset] == 0x0D || bytes[offset] == 0x09 {
                offset += 1
            }
        }

        mutating func take(_ byte: UInt8) -> Bool {
            skipSpace()
            guard offset < bytes.count, bytes[offset] == byte else { return false }
            offset += 1
            return true
        }

        mutating func peek() -> UInt8? {
            skipSpace()
            return offset < bytes.count ? bytes[offset] : nil
        }

        /// The raw bytes of a string with no escapes and no control characters.
        mutating func rawString() -> UnsafeBufferPointer<UInt8>? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            let start = offset
            while offset < bytes.count {
                let byte = bytes[offset]
                if byte == UInt8(ascii: "\"") {
                    offset += 1
                    return UnsafeBufferPointer(rebasing: bytes[start..<(offset - 1)])
                }
                if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
                offset += 1
            }
            return nil
        }

        mutating func string() -> String? {
            guard let raw = rawString() else { return nil }
            if raw.allSatisfy({ $0 < 0x80 }) { return String(decoding: raw, as: UTF8.self) }
            return String(validating: raw, as: UTF8.self)
        }

        /// `true`, `false` or `null` (nil inside the optional).
        mutating func literal() -> Bool?? {
            skipSpace()
            for (text, value) in [("true", Bool?.some(true)), ("false", .some(false)), ("null", .none)] {
                let utf8 = Array(text.utf8)
                if offset + utf8.count <= bytes.count, Array(bytes[offset..<(offset + utf8.count)]) == utf8 {
                    offset += utf8.count
                    return .some(value)
                }
            }
            return nil
        }

        /// Reads `{ "key": value, … }`, calling `member` with each key; false on anything unexpected.
        mutating func object(_ member: (inout Scanner, UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
            guard take(UInt8(ascii: "{")) else { return false }
            if take(UInt8(ascii: "}")) { return true }
            repeat {
                guard let key = rawString(), take(UInt8(ascii: ":")), member(&self, key) else { return false }
            } while take(UInt8(ascii: ","))
            return take(UInt8(ascii: "}"))
        }
    }

    static func equals(_ raw: UnsafeBufferPointer<UInt8>, _ text: StaticString) -> Bool {
        raw.count == text.utf8CodeUnitCount && (raw.isEmpty || memcmp(raw.baseAddress!, text.utf8Start, raw.count) == 0)
    }

    static func equals(_ raw: UnsafeBufferPointer<UInt8>, _ bytes: [UInt8]) -> Bool {
        raw.count == bytes.count && (raw.isEmpty || bytes.withUnsafeBufferPointer { memcmp(raw.baseAddress!, $0.baseAddress!, raw.count) == 0 })
    }

    /// As `FieldReader.optionalText`: trimmed, and nil when empty.
    static func optionalText(_ text: String) -> String? {
        let trimmed = text.trimmingSpaces()
        return trimmed.isEmpty ? nil : trimmed
    }

    func readDocument(_ scanner: inout Scanner, keepingAnswers: Bool) -> (assessment: Assessment, evidence: [ItemValue?])? {
        var assessment = Assessment(blankFor: questionnaire, assessedOn: "")
        var evidence: [ItemValue?] = []
        var seen = Set<Int>()
        var failed = false
        let ok = scanner.object { scanner, key in
            let keys: [StaticString] = ["schema", "questionnaire", "respondent", "assessedOn", "period", "answers", "placements", "roadSigns"]
            guard let index = keys.firstIndex(where: { Self.equals(key, $0) }), seen.insert(index).inserted else { return false }
            switch index {
            case 0:
                guard let raw = scanner.rawString(), Self.equals(raw, "laer-answers/1") else { return false }
            case 1:
                var id: String?, version: String?
                guard scanner.object({ scanner, key in
                    if Self.equals(key, "id"), id == nil { id = scanner.string(); return id != nil }
                    if Self.equals(key, "version"), version == nil { version = scanner.string(); return version != nil }
                    return false
                }), let id, let version, AnswerRules.identityMessage(id: id, version: version, for: questionnaire) == nil,
                    !id.allSatisfy(\.isWhitespace), !version.allSatisfy(\.isWhitespace) else { return false }
                assessment.questionnaireID = id
                assessment.questionnaireVersion = version
            case 2:
                var respondent = Respondent()
                var names = Set<Int>()
                guard scanner.object({ scanner, key in
                    let fields: [StaticString] = ["name", "role", "organization"]
                    guard let field = fields.firstIndex(where: { Self.equals(key, $0) }), names.insert(field).inserted else { return false }
                    if scanner.peek() == UInt8(ascii: "n") { return scanner.literal() == .some(nil) }
                    guard let text = scanner.string() else { return false }
                    let value = Self.optionalText(text)
                    switch field {
                    case 0: respondent.name = value
                    case 1: respondent.role = value
                    default: respondent.organization = value
                    }
                    return true
                }) else { return false }
                assessment.respondent = respondent
            case 3:
                guard let date = scanner.string(), AnswerRules.isISODate(date) else { return false }
                assessment.assessedOn = date
            case 4:
                if scanner.peek() == UInt8(ascii: "n") { return scanner.literal() == .some(nil) }
                guard let text = scanner.string() else { return false }
                assessment.period = Self.optionalText(text)
            case 5:
                guard let answers = readAnswers(&scanner, keepingAnswers: keepingAnswers) else { return false }
                assessment.answers = answers.answers
                evidence = answers.evidence
            case 6:
                guard scanner.object({ scanner, key in
                    guard let marker = MarkerID.allCases.first(where: { Self.equals(key, Array($0.rawValue.utf8)) }) else { return false }
                    if scanner.peek() == UInt8(ascii: "n") { return scanner.literal() == .some(nil) }
                    guard let text = scanner.string() else { return false }
                    if text.allSatisfy(\.isWhitespace) { return true }
                    guard case .success(let phase) = AnswerRules.phase(text, in: questionnaire),
                          assessment.placements[marker] == nil else { return false }
                    assessment.placements[marker] = phase
                    return true
                }) else { return false }
            default:
                guard scanner.object({ scanner, key in
                    guard let index = roadSignIDs.firstIndex(where: { Self.equals(key, $0) }),
                          let value = scanner.literal() else { return false }
                    let id = questionnaire.roadSigns[index].id
                    if let seen = value { assessment.roadSigns[id] = seen }
                    return true
                }) else { return false }
            }
            return true
        }
        failed = !ok
        scanner.skipSpace()
        guard !failed, scanner.offset == scanner.bytes.count, seen.isSuperset(of: [0, 1, 3, 5]) else { return nil }
        return (assessment, evidence)
    }

    /// The answers, keys matched against the questionnaire's ids in order first, so the usual
    /// file (written in questionnaire order) needs no hashing to find them.
    func readAnswers(_ scanner: inout Scanner, keepingAnswers: Bool) -> (answers: [String: Answer], evidence: [ItemValue?])? {
        var answers: [String: Answer] = [:]
        if keepingAnswers { answers.reserveCapacity(capabilityIDs.count) }
        var evidence = [ItemValue?](repeating: nil, count: capabilityIDs.count)
        var taken = [Bool](repeating: false, count: capabilityIDs.count)
        var cursor = 0
        let ok = scanner.object { scanner, key in
            var position: Int?
            if cursor < capabilityIDs.count, Self.equals(key, capabilityIDs[cursor]) {
                position = cursor
            } else {
                position = capabilityIDs.firstIndex { Self.equals(key, $0) }
            }
            guard let position, !taken[position] else { return false }
            taken[position] = true
            cursor = position + 1
            var ratingText: String?
            var exact: Rating?
            var note: String?
            /// A rating spelled exactly as the format writes it needs no String.
            func readRating(_ scanner: inout Scanner) -> Bool {
                guard let raw = scanner.rawString() else { return false }
                exact = Self.exactRating(raw)
                if exact == nil {
                    ratingText = raw.allSatisfy({ $0 < 0x80 }) ? String(decoding: raw, as: UTF8.self) : String(validating: raw, as: UTF8.self)
                    return ratingText != nil
                }
                return true
            }
            switch scanner.peek() {
            case UInt8(ascii: "\""):
                guard readRating(&scanner) else { return false }
            case UInt8(ascii: "{"):
                var members = 0
                guard scanner.object({ scanner, key in
                    members += 1
                    if members == 1, Self.equals(key, "rating") { return readRating(&scanner) }
                    if members == 2, Self.equals(key, "note"), let text = scanner.string() { note = Self.optionalText(text); return true }
                    return false
                }), members >= 1 else { return false }
            case UInt8(ascii: "n"):
                return scanner.literal() == .some(nil)
            default:
                return false
            }
            let rating: Rating
            if let exact {
                rating = exact
            } else if let ratingText, Rating(rawValue: ratingText) == nil, ratingText.allSatisfy(\.isWhitespace) {
                return true
            } else if let ratingText, case .success(let read) = AnswerRules.rating(ratingText) {
                rating = read
            } else {
                return false
            }
            if keepingAnswers { answers[questionnaire.capabilities[position].id] = Answer(rating, note: note) }
            evidence[position] = rating.value.map(ItemValue.value) ?? .notApplicable
            return true
        }
        return ok ? (answers, evidence) : nil
    }

    static func exactRating(_ raw: UnsafeBufferPointer<UInt8>) -> Rating? {
        switch raw.count {
        case 2: equals(raw, "na") ? .na : nil
        case 3: equals(raw, "not") ? .not : nil
        case 5: equals(raw, "fully") ? .fully : nil
        case 7: equals(raw, "largely") ? .largely : nil
        case 9: equals(raw, "partially") ? .partially : nil
        default: nil
        }
    }
}
