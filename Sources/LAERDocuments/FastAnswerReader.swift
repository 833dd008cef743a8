import Glibc
import LAERFormats
import LAERValues

/// Reads an ordinary `laer-answers/1` file straight from its bytes into an `Assessment`, without
/// building a JSON tree: the fast path of batch scoring.
///
/// It accepts only files that the full path (`JSONParser` + `AssessmentDecoder`) accepts without
/// any problem, and then yields exactly the same assessment. Anything else (an escape in a
/// string, a number, an unknown member, any mistake) makes it return nil, and the full path reads
/// the file and reports what is wrong: there is one set of error messages, not two.
///
/// What real files hold (notes, names that are not ASCII, placements, road signs, a period,
/// pretty-printed layout) is read here; the common spellings (a rating or phase id as the format
/// writes it, this questionnaire's id and version, a date of digits, text with nothing to trim)
/// are recognized from the bytes, and anything else goes through the same rules as the full path.
package struct FastAnswerReader: Sendable {
    package let questionnaire: Questionnaire
    let capabilityIDs: PackedBytes
    /// Each capability id between quotes, as a key that needs no scanning: empty for an id with a
    /// quote, a backslash or a control character, which `rawString` reads differently.
    let quotedIDs: PackedBytes
    let roadSignIDs: PackedBytes
    let markerIDs: PackedBytes
    let phaseIDs: PackedBytes
    /// The markers and phases in the order of `markerIDs` and `phaseIDs`.
    let markers = MarkerID.allCases
    let phases = PhaseID.allCases
    /// Each rating's id as the format writes it, in the order of `ratings`, and the longest's length.
    let ratingIDs: PackedBytes
    let ratings = Rating.allCases
    let longestRatingID: Int
    /// The questionnaire's id and version as an answer file writes them, when the full path accepts that pair.
    let identity: (id: [UInt8], version: [UInt8], versionText: String)?

    package init(questionnaire: Questionnaire) {
        self.questionnaire = questionnaire
        let ids = questionnaire.capabilities.map { Array($0.id.utf8) }
        capabilityIDs = PackedBytes(ids)
        quotedIDs = PackedBytes(
            ids.map { id in
                id.contains { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 < 0x20 }
                    ? [] : [UInt8(ascii: "\"")] + id + [UInt8(ascii: "\"")]
            })
        ratingIDs = PackedBytes(Rating.allCases.map { Array($0.rawValue.utf8) })
        longestRatingID = Rating.allCases.map(\.rawValue.utf8.count).max() ?? 0
        roadSignIDs = PackedBytes(questionnaire.roadSigns.map { Array($0.id.utf8) })
        markerIDs = PackedBytes(MarkerID.allCases.map { Array($0.rawValue.utf8) })
        phaseIDs = PackedBytes(PhaseID.allCases.map { Array($0.rawValue.utf8) })
        let version = questionnaire.version.description
        identity =
            AnswerRules.identityMessage(id: questionnaire.id, version: version, for: questionnaire) == nil
                && !questionnaire.id.allSatisfy(\.isWhitespace) && !version.allSatisfy(\.isWhitespace)
            ? (Array(questionnaire.id.utf8), Array(version.utf8), version) : nil
    }

    /// The questionnaire id and version an answer file names, looked up where files written by
    /// laer have them (after at most `schema`); nil for anything else.
    ///
    /// A batch picks the reader of that version before reading the file once.
    package static func identity(of bytes: [UInt8]) -> (id: String, version: String)? {
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = Scanner(bytes: buffer)
            var found: (id: String, version: String)?
            _ = scanner.object { scanner, key in
                if equals(key, "schema") { return scanner.rawString() != nil }
                guard equals(key, "questionnaire") else { return false }
                var id: String?
                var version: String?
                _ = scanner.object { scanner, key in
                    if equals(key, "id"), id == nil {
                        id = scanner.rawString().flatMap(text)
                        return id != nil
                    }
                    if equals(key, "version"), version == nil {
                        version = scanner.rawString().flatMap(text)
                        return version != nil
                    }
                    return false
                }
                if let id, let version { found = (id, version) }
                // Nothing after the identity is needed.
                return false
            }
            return found
        }
    }

    package func read(_ bytes: [UInt8]) -> Assessment? {
        read(bytes, keepingAnswers: true)?.assessment
    }

    /// The assessment and each capability's rating by questionnaire position (nil where
    /// unanswered).
    ///
    /// Without `keepingAnswers` the assessment's `answers` stay empty and the notes come by
    /// position instead: batch scoring needs only those, and skips hashing every id. Without
    /// `keepingNotes` as well the notes are only checked (a trend shows none).
    package func read(_ bytes: [UInt8], keepingAnswers: Bool, keepingNotes: Bool = true) -> (
        assessment: Assessment, ratings: [Rating?], notes: [PositionedNote]
    )? {
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = Scanner(bytes: buffer)
            return readDocument(&scanner, keepingAnswers: keepingAnswers, keepingNotes: keepingNotes)
        }
    }

    /// A cursor over the bytes; every method returns nil (or false) for anything it does not expect.
    struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var offset = 0

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
            offset = UTF8Bytes.textStart(of: bytes)
        }

        @inline(__always)
        mutating func skipSpace() {
            // Indentation eight spaces at a time.
            while offset + 8 <= bytes.count,
                UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: UInt64.self) == 0x2020_2020_2020_2020
            {
                offset += 8
            }
            while offset < bytes.count {
                let byte = bytes[offset]
                guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
                offset += 1
            }
        }

        @inline(__always)
        mutating func take(_ byte: UInt8) -> Bool {
            skipSpace()
            guard offset < bytes.count, bytes[offset] == byte else { return false }
            offset += 1
            return true
        }

        @inline(__always)
        mutating func peek() -> UInt8? {
            skipSpace()
            return offset < bytes.count ? bytes[offset] : nil
        }

        /// A rating written as its id between quotes, consumed; nil (nothing consumed) otherwise.
        mutating func quotedRating(in reader: FastAnswerReader) -> Rating? {
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else { return nil }
            // No rating id is longer than `longestRatingID`: the closing quote is near or not there.
            var end = offset + 1
            while end < bytes.count, end - offset <= reader.longestRatingID, bytes[end] != UInt8(ascii: "\"") { end += 1 }
            guard end < bytes.count, bytes[end] == UInt8(ascii: "\""),
                let rating = reader.exactRating(
                    UnsafeBufferPointer(start: bytes.baseAddress! + offset + 1, count: end - offset - 1))
            else { return nil }
            offset = end + 1
            return rating
        }

        /// The raw bytes of a string with no escapes and no control characters.
        mutating func rawString() -> UnsafeBufferPointer<UInt8>? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            let start = offset
            // Eight bytes at a time while none is a quote, a backslash or a control character
            // (a byte is zero in `x - 0x01…` and `~x` high exactly when some byte of x is zero; likewise below 0x20).
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            while offset + 8 <= bytes.count {
                let word = UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: UInt64.self)
                let quote = word ^ (ones &* 0x22)
                let backslash = word ^ (ones &* 0x5C)
                let special = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | ((word &- ones &* 0x20) & ~word)
                if special & highs != 0 { break }
                offset += 8
            }
            while offset < bytes.count {
                let byte = bytes[offset]
                if byte == UInt8(ascii: "\"") {
                    offset += 1
                    // Longer strings are the parser's to refuse, with its message.
                    guard offset - 1 - start <= InputLimits.textBytes else { return nil }
                    return UnsafeBufferPointer(start: bytes.baseAddress! + start, count: offset - 1 - start)
                }
                if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
                offset += 1
            }
            return nil
        }

        mutating func string() -> String? {
            rawString().flatMap(FastAnswerReader.text)
        }

        /// `true`, `false` or `null` (nil inside the optional).
        mutating func literal() -> Bool?? {
            skipSpace()
            if matches("true") { return .some(true) }
            if matches("false") { return .some(false) }
            if matches("null") { return .some(nil) }
            return nil
        }

        /// Consumes `text` when the bytes at the cursor spell it.
        mutating func matches(_ text: StaticString) -> Bool {
            let count = text.utf8CodeUnitCount
            guard offset + count <= bytes.count, memcmp(bytes.baseAddress! + offset, text.utf8Start, count) == 0 else {
                return false
            }
            offset += count
            return true
        }

        /// Consumes `text` when the bytes at the cursor are these (never when `text` is empty).
        mutating func matches(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
            let count = text.count
            guard count > 0, offset + count <= bytes.count, memcmp(bytes.baseAddress! + offset, text.baseAddress!, count) == 0
            else {
                return false
            }
            offset += count
            return true
        }

        /// Consumes `text` when the bytes at the cursor are these (never when `text` is empty).
        mutating func matches(_ text: [UInt8]) -> Bool {
            let count = text.count
            guard count > 0, offset + count <= bytes.count,
                text.withUnsafeBufferPointer({ memcmp(bytes.baseAddress! + offset, $0.baseAddress!, count) }) == 0
            else { return false }
            offset += count
            return true
        }

        /// Reads `{ "key": value, … }`, calling `member` with each key; false on anything unexpected.
        @inline(__always)
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
        raw.count == bytes.count
            && (raw.isEmpty || bytes.withUnsafeBufferPointer { memcmp(raw.baseAddress!, $0.baseAddress!, raw.count) == 0 })
    }

    /// The string of raw bytes, nil when they are not UTF-8 (as the full path's parser rejects them).
    static func text(_ raw: UnsafeBufferPointer<UInt8>) -> String? {
        isASCII(raw) ? String(decoding: raw, as: UTF8.self) : String(validating: raw, as: UTF8.self)
    }

    /// Whether the bytes are printable ASCII (a raw string holds no byte below 0x20): text with
    /// nothing to decode and nothing for `SafeText` to do.
    static func isASCII(_ raw: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < raw.count {
            if raw[index] >= 0x7F { return false }
            index += 1
        }
        return true
    }

    /// A byte that cannot begin or end anything `trimmingSpaces` removes: printable ASCII but the space.
    /// (A character's whitespace is its first scalar's; no cluster ending in such a byte starts with a space.)
    @inline(__always)
    static func isPlainEdge(_ byte: UInt8) -> Bool { byte > 0x20 && byte < 0x7F }

    /// As `FieldReader.optionalText` (or `optionalNote` when `multiline`): made safe, trimmed, and
    /// nil when empty; nil inside for bytes that are not UTF-8.
    static func optionalText(_ raw: UnsafeBufferPointer<UInt8>, multiline: Bool = false) -> String?? {
        if !raw.isEmpty, isPlainEdge(raw[0]), isPlainEdge(raw[raw.count - 1]) {
            if isASCII(raw) { return .some(String(decoding: raw, as: UTF8.self)) }
            guard let text = text(raw) else { return nil }
            // Nothing to trim: the edges are no control character, so they stay as they are.
            return .some(multiline ? SafeText.multiline(text) : SafeText.line(text))
        }
        guard let text = text(raw) else { return nil }
        return .some(FieldReader.text(text, multiline: multiline))
    }

    /// As `CalendarDate.isISODate`, read from the bytes when they are `DDDD-DD-DD` in ASCII digits;
    /// nil when they are not (an escape may still spell a date).
    static func isISODate(_ raw: UnsafeBufferPointer<UInt8>) -> Bool? {
        CalendarDate.fields(of: raw).map { CalendarDate.isValid(year: $0.year, month: $0.month, day: $0.day) }
    }

    static let topLevelKeys: [StaticString] = [
        "schema", "questionnaire", "respondent", "assessedOn", "period", "answers", "placements", "roadSigns",
    ]
    static let respondentKeys: [StaticString] = ["name", "role", "organization"]

    func readDocument(_ scanner: inout Scanner, keepingAnswers: Bool, keepingNotes: Bool) -> (
        assessment: Assessment, ratings: [Rating?], notes: [PositionedNote]
    )? {
        var questionnaireID = ""
        var questionnaireVersion = ""
        var assessedOn = ""
        var period: String?
        var respondent = Respondent()
        var answers: [String: Answer] = [:]
        var placements: [MarkerID: PhaseID] = [:]
        var roadSigns: [String: Bool] = [:]
        roadSigns.reserveCapacity(roadSignIDs.count)
        var ratings: [Rating?] = []
        var notes: [PositionedNote] = []
        var seen: UInt8 = 0
        let ok = scanner.object { scanner, key in
            guard let index = Self.topLevelKeys.firstIndex(where: { Self.equals(key, $0) }), seen & (1 << index) == 0 else {
                return false
            }
            seen |= 1 << index
            switch index {
            case 0:
                guard let raw = scanner.rawString(), Self.equals(raw, "laer-answers/1") else { return false }
            case 1:
                guard let read = readIdentity(&scanner) else { return false }
                (questionnaireID, questionnaireVersion) = read
            case 2:
                var names: UInt8 = 0
                guard
                    scanner.object({ scanner, key in
                        guard let field = Self.respondentKeys.firstIndex(where: { Self.equals(key, $0) }),
                            names & (1 << field) == 0
                        else { return false }
                        names |= 1 << field
                        if scanner.peek() == UInt8(ascii: "n") { return scanner.literal() == .some(nil) }
                        guard let raw = scanner.rawString(), let value = Self.optionalText(raw) else { return false }
                        switch field {
                        case 0: respondent.name = value
                        case 1: respondent.role = value
                        default: respondent.organization = value
                        }
                        return true
                    })
                else { return false }
            case 3:
                guard let raw = scanner.rawString(), let date = Self.text(raw),
                    Self.isISODate(raw) ?? CalendarDate.isISODate(date)
                else { return false }
                assessedOn = date
            case 4:
                if scanner.peek() == UInt8(ascii: "n") { return scanner.literal() == .some(nil) }
                guard let raw = scanner.rawString(), let value = Self.optionalText(raw) else { return false }
                period = value
            case 5:
                guard let read = readAnswers(&scanner, keepingAnswers: keepingAnswers, keepingNotes: keepingNotes) else {
                    return false
                }
                answers = read.answers
                ratings = read.ratings
                notes = read.notes
            case 6:
                // Each marker once, whatever its value: the full path refuses a second one.
                var placed: UInt8 = 0
                guard
                    scanner.object({ scanner, key in
                        guard let markerIndex = markerIDs.firstIndex(of: key), placed & (1 << markerIndex) == 0 else {
                            return false
                        }
                        placed |= 1 << markerIndex
                        let marker = markers[markerIndex]
                        if scanner.peek() == UInt8(ascii: "n") { return scanner.literal() == .some(nil) }
                        guard let raw = scanner.rawString() else { return false }
                        let phase: PhaseID
                        if let exact = phaseIDs.firstIndex(of: raw) {
                            phase = phases[exact]
                        } else {
                            guard let text = Self.text(raw) else { return false }
                            if text.allSatisfy(\.isWhitespace) { return true }
                            guard case .success(let read) = AnswerRules.phase(text, in: questionnaire) else { return false }
                            phase = read
                        }
                        placements[marker] = phase
                        return true
                    })
                else { return false }
            default:
                var signed = [Bool](repeating: false, count: roadSignIDs.count)
                guard
                    scanner.object({ scanner, key in
                        guard let index = roadSignIDs.firstIndex(of: key), !signed[index],
                            let value = scanner.literal()
                        else { return false }
                        signed[index] = true
                        if let seen = value { roadSigns[questionnaire.roadSigns[index].id] = seen }
                        return true
                    })
                else { return false }
            }
            return true
        }
        scanner.skipSpace()
        // schema, questionnaire, assessedOn and answers are required.
        guard ok, scanner.offset == scanner.bytes.count, seen & 0b10_1011 == 0b10_1011 else { return nil }
        let assessment = Assessment(
            questionnaireID: questionnaireID, questionnaireVersion: questionnaireVersion, respondent: respondent,
            assessedOn: assessedOn, period: period, answers: answers, placements: placements, roadSigns: roadSigns)
        return (assessment, ratings, notes)
    }

    /// `{"id": …, "version": …}` naming this questionnaire in a version the full path accepts.
    func readIdentity(_ scanner: inout Scanner) -> (id: String, version: String)? {
        var rawID: UnsafeBufferPointer<UInt8>?
        var rawVersion: UnsafeBufferPointer<UInt8>?
        guard
            scanner.object({ scanner, key in
                if Self.equals(key, "id"), rawID == nil {
                    rawID = scanner.rawString()
                    return rawID != nil
                }
                if Self.equals(key, "version"), rawVersion == nil {
                    rawVersion = scanner.rawString()
                    return rawVersion != nil
                }
                return false
            }), let rawID, let rawVersion
        else { return nil }
        if let identity, Self.equals(rawID, identity.id), Self.equals(rawVersion, identity.version) {
            return (questionnaire.id, identity.versionText)
        }
        guard let id = Self.text(rawID), let version = Self.text(rawVersion),
            AnswerRules.identityMessage(id: id, version: version, for: questionnaire) == nil,
            !id.allSatisfy(\.isWhitespace), !version.allSatisfy(\.isWhitespace)
        else { return nil }
        return (id, version)
    }

    /// The answers, keys matched against the questionnaire's ids in order first, so the usual
    /// file (written in questionnaire order) needs no hashing to find them.
    func readAnswers(_ scanner: inout Scanner, keepingAnswers: Bool, keepingNotes: Bool) -> (
        answers: [String: Answer], ratings: [Rating?], notes: [PositionedNote]
    )? {
        var answers: [String: Answer] = [:]
        var notes: [PositionedNote] = []
        if keepingAnswers { answers.reserveCapacity(capabilityIDs.count) }
        var ratings = [Rating?](repeating: nil, count: capabilityIDs.count)
        var taken = [Bool](repeating: false, count: capabilityIDs.count)
        var cursor = 0
        guard scanner.take(UInt8(ascii: "{")) else { return nil }
        if scanner.take(UInt8(ascii: "}")) { return (answers, ratings, notes) }
        repeat {
            // The key the usual file has next is compared in place; any other is scanned.
            let position: Int
            scanner.skipSpace()
            if cursor < quotedIDs.count, scanner.matches(quotedIDs[cursor]) {
                guard scanner.take(UInt8(ascii: ":")) else { return nil }
                position = cursor
            } else {
                guard let key = scanner.rawString(), scanner.take(UInt8(ascii: ":")) else { return nil }
                if cursor < capabilityIDs.count, key.elementsEqual(capabilityIDs[cursor]) {
                    position = cursor
                } else {
                    guard let found = capabilityIDs.firstIndex(of: key) else { return nil }
                    position = found
                }
            }
            guard !taken[position] else { return nil }
            taken[position] = true
            cursor = position + 1
            // `"id": "fully"`, `{"rating": "fully"}` or `{"rating": "fully", "note": "…"}`, in that order; or null.
            // The rating as the format writes it is matched in place; anything else is read as a string.
            var exact: Rating?
            var rawRating = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
            var rawNote: UnsafeBufferPointer<UInt8>?
            switch scanner.peek() {
            case UInt8(ascii: "\""):
                exact = scanner.quotedRating(in: self)
                if exact == nil {
                    guard let raw = scanner.rawString() else { return nil }
                    rawRating = raw
                }
            case UInt8(ascii: "{"):
                scanner.offset += 1
                // `"rating"` and `"note"` as keys are exactly these bytes (no escape, no control character).
                scanner.skipSpace()
                guard scanner.matches("\"rating\""), scanner.take(UInt8(ascii: ":")) else { return nil }
                scanner.skipSpace()
                exact = scanner.quotedRating(in: self)
                if exact == nil {
                    guard let raw = scanner.rawString() else { return nil }
                    rawRating = raw
                }
                if scanner.take(UInt8(ascii: ",")) {
                    scanner.skipSpace()
                    guard scanner.matches("\"note\""), scanner.take(UInt8(ascii: ":")),
                        let note = scanner.rawString()
                    else { return nil }
                    rawNote = note
                }
                guard scanner.take(UInt8(ascii: "}")) else { return nil }
            case UInt8(ascii: "n"):
                guard scanner.literal() == .some(nil) else { return nil }
                continue
            default:
                return nil
            }
            // The note, checked as the full path reads it, and kept when it is wanted.
            var note: String?
            if let rawNote {
                if keepingAnswers || keepingNotes {
                    guard let text = Self.optionalText(rawNote, multiline: true) else { return nil }
                    note = text
                } else if !Self.isASCII(rawNote), String(validating: rawNote, as: UTF8.self) == nil {
                    return nil
                }
            }
            let rating: Rating
            if let exact = exact ?? exactRating(rawRating) {
                rating = exact
            } else {
                guard let text = Self.text(rawRating) else { return nil }
                if Rating(rawValue: text) == nil, text.allSatisfy(\.isWhitespace) { continue }
                guard case .success(let read) = AnswerRules.rating(text) else { return nil }
                rating = read
            }
            if keepingAnswers {
                answers[questionnaire.capabilities[position].id] = Answer(rating, note: note)
            } else if let note, !note.isEmpty {
                notes.append(PositionedNote(position: position, text: note))
            }
            ratings[position] = rating
        } while scanner.take(UInt8(ascii: ","))
        guard scanner.take(UInt8(ascii: "}")) else { return nil }
        return (answers, ratings, notes)
    }

    /// Each rating's id as the format writes it.
    ///
    /// A rating written as its id (its raw value).
    func exactRating(_ raw: UnsafeBufferPointer<UInt8>) -> Rating? {
        ratingIDs.firstIndex(of: raw).map { ratings[$0] }
    }
}
