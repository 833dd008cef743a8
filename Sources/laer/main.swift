import Glibc
import LAERCommandLine
import LAERSystem

let context = CommandContext.process(environment: ProcessEnvironment.current())
let code = CommandRegistry.run(Array(CommandLine.arguments.dropFirst()), in: context)
exit(code.rawValue)
