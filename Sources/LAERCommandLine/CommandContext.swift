import LAERDocuments
import LAERSystem
import LAERTerminal
import LAERValues
import Synchronization

/// Everything a command may touch outside its arguments; tests pass fakes.
public struct CommandContext: Sendable {
    package var output: any TextSink
    package var errorOutput: any TextSink
    /// Reads all of standard input (for `-`).
    package var readStandardInput: @Sendable () throws(LoadError) -> [UInt8]
    package var environment: [String: String]
    package var outputIsTerminal: Bool
    package var inputIsTerminal: Bool
    /// Whether standard error is a terminal: progress lines are shown only then.
    package var errorIsTerminal: Bool = false
    /// A random number for each run that needs one (the salt of `--anonymize`); fixed in tests.
    package var random: @Sendable () -> UInt64 = { UInt64.random(in: .min ... .max) }
    /// Today's date as `YYYY-MM-DD`, for new answer files (injected so tests are deterministic).
    package var today: @Sendable () -> String
    /// Called by a command before it writes files, so that SIGINT or SIGTERM removes its
    /// temporary files; the real process installs `ProcessSignals.removeTemporaryFilesOnInterrupt`,
    /// tests nothing (a handler in the test process would end it on a test's own signal).
    package var removeTemporaryFilesOnInterrupt: @Sendable () -> Void = {}
    /// Files and directories: the operating system's, or a test's.
    package var files: any FileSystem = OperatingSystem()
    /// Standard input one line at a time, for the survey's line mode.
    ///
    /// By default the lines of
    /// `readStandardInput`; the real process reads them as they are typed.
    package var makeLineSource: @Sendable () throws -> any LineSource

    package init(
        output: any TextSink, errorOutput: any TextSink,
        readStandardInput: @escaping @Sendable () throws(LoadError) -> [UInt8],
        environment: [String: String], outputIsTerminal: Bool, inputIsTerminal: Bool, errorIsTerminal: Bool = false,
        today: @escaping @Sendable () -> String = SystemClock.localDate
    ) {
        self.errorIsTerminal = errorIsTerminal
        self.today = today
        self.makeLineSource = { BufferedLineSource(try readStandardInput()) }
        self.output = output
        self.errorOutput = errorOutput
        self.readStandardInput = readStandardInput
        self.environment = environment
        self.outputIsTerminal = outputIsTerminal
        self.inputIsTerminal = inputIsTerminal
    }

    /// The real process: its standard streams and environment.
    public static func process(environment: [String: String]) -> CommandContext {
        // A closed standard descriptor would be reused by the next file opened, and standard output
        // would then be written into an output file.
        FileDescriptor.occupyClosedStandardDescriptors()
        var context = CommandContext(
            output: FileDescriptorSink(StandardStreams.output),
            errorOutput: FileDescriptorSink(StandardStreams.error),
            readStandardInput: { () throws(LoadError) -> [UInt8] in
                try InputFile.readAll(StandardStreams.input, name: InputFile.standardInputName)
            },
            environment: environment,
            outputIsTerminal: StandardStreams.isTerminal(StandardStreams.output),
            inputIsTerminal: StandardStreams.isTerminal(StandardStreams.input),
            errorIsTerminal: StandardStreams.isTerminal(StandardStreams.error))
        context.makeLineSource = { try DescriptorLineSource(descriptor: StandardStreams.input) }
        context.removeTemporaryFilesOnInterrupt = ProcessSignals.removeTemporaryFilesOnInterrupt
        return context
    }

    /// Writes `text` to standard output, or atomically to `path` when one is given (its directory made when missing).
    package func emit(_ text: String, to path: String?) throws(OutputError) {
        guard let path else {
            output.write(text)
            return
        }
        try files.makeParentDirectory(of: path)
        try files.write(text, to: path)
    }

    /// Reads a path, or standard input for `-`.
    package func readInput(_ path: String) throws(LoadError) -> InputFile {
        if path == "-" {
            return InputFile(displayName: InputFile.standardInputName, bytes: try readStandardInput())
        }
        return try files.read(path)
    }

    /// How a batch reads each path, on any thread: the input already read (standard input, or
    /// the one file a command looked at first) is handed back rather than read again.
    package func batchReader(alreadyRead: (input: InputPath, file: InputFile)?)
        -> @Sendable (InputPath) throws(LoadError)
        -> InputFile
    {
        let files = files
        return { input throws(LoadError) in
            if let alreadyRead, input == alreadyRead.input { return alreadyRead.file }
            return try files.read(input)
        }
    }

    /// Reads an input of a batch: standard input for `-`, a file found in a directory only when it is a regular file.
    package func readInput(_ input: InputPath) throws(LoadError) -> InputFile {
        input.isFound ? try files.readFound(input.path) : try readInput(input.path)
    }

    /// The questionnaire named by `--questionnaire`, or the built-in one.
    package func loadQuestionnaire(_ arguments: ParsedArguments) throws(LoadError) -> (Questionnaire, InputFile) {
        let file =
            try arguments.value(CommonOptions.questionnaire.name).map { path throws(LoadError) in try readInput(path) }
            ?? QuestionnaireLoader.builtInFile
        return (try QuestionnaireLoader.load(file), file)
    }

    /// Every questionnaire given with a repeatable `--questionnaire`, or the built-in history.
    package func loadCatalog(_ arguments: ParsedArguments) throws(LoadError) -> QuestionnaireCatalog {
        let paths = arguments.values(CommonOptions.questionnaire.name)
        guard !paths.isEmpty else { return QuestionnaireCatalog(try QuestionnaireLoader.builtInHistory()) }
        var questionnaires: [Questionnaire] = []
        for path in paths { questionnaires.append(try QuestionnaireLoader.load(try readInput(path))) }
        return QuestionnaireCatalog(questionnaires)
    }

    /// The text style for standard output under `--color`, or for a file (`toFile`).
    ///
    /// A file never gets colour, whatever `--color` says: it is read later, elsewhere.
    package func outputStyle(_ arguments: ParsedArguments, toFile: Bool = false) -> any TextStyle {
        guard !toFile else { return PlainText() }
        let mode = arguments.value(CommonOptions.color.name).flatMap(ColorMode.init(rawValue:)) ?? .auto
        return ANSIStyle(colorEnabled: mode.allowsColor(environment: environment, outputIsTerminal: outputIsTerminal))
    }
}
