/// The most `laer` reads, parses and says about one input, each with the reason for its size.
///
/// Inputs are written by people, spreadsheets and other tools, and some are hostile. Every bound
/// here is far above what a real document needs, so that none is met by honest work, and low
/// enough that a batch of parallel workers stays well within memory and every input is
/// handled in linear time. Messages name the limit they meet through these constants.
package enum InputLimits {
    /// The largest input file: the largest real answer file is tens of KB and a wide export of
    /// thousands of respondents a few MB, so 32 MiB leaves room for ten times that.
    package static let inputBytes = 32 << 20
    /// The deepest nesting of JSON arrays and objects: laer's documents nest five deep.
    package static let nesting = 64
    /// The longest JSON string or CSV field, in bytes: an evidence note is a paragraph or a page.
    package static let textBytes = 256 << 10
    /// The longest JSON member name, in bytes: capability ids are under 60 characters.
    package static let keyBytes = 1 << 10
    /// The longest id of a capability, questionnaire, marker or road sign, in characters.
    package static let identifierLength = 128
    /// The most values in one JSON document: an answer file holds a few hundred, a questionnaire
    /// a few thousand.
    package static let jsonValues = 1_000_000
    /// The most capabilities of one questionnaire: the built-in one has 64; a consultant's own
    /// questionnaire of a few hundred is already a day's interview.
    package static let capabilities = 2_000
    /// The most road signs of one questionnaire: the built-in one has 5, and each is a yes-or-no
    /// question every respondent answers.
    package static let roadSigns = 200
    /// The most columns of one CSV row: a wide export has a few per capability.
    package static let columns = 20_000
    /// The most cells of one CSV file: thousands of respondents times a few hundred columns.
    package static let cells = 8_000_000
    /// How much of a long value a message shows before eliding the rest.
    package static let shownValueLength = 80
    /// The longest message line, in characters: a place and a few values of `shownValueLength`
    /// fit, and no input makes one message fill a terminal's scrollback.
    package static let messageLength = 1_000
    /// Words longer than this get no "did you mean" search: no id is that long.
    package static let suggestedWordLength = 64
    /// The most problems listed for one input; the rest are counted in one line.
    package static let listedProblems = 50
}
