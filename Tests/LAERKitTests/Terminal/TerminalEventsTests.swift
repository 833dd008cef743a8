import Glibc
import LAERTestSupport
import Testing

@testable import LAERCommandLine
@testable import LAERSystem
@testable import LAERTerminal

extension TerminalTests {
    /// Signals are raised on the test's own thread, where `TerminalEvents` unblocked them; the
    /// tests run one at a time because the handlers belong to the whole process.
    @Suite(.serialized) struct TerminalEventsTests {
        final class Pipe {
            let read: Int32
            let write: Int32

            init() throws {
                var ends: [Int32] = [-1, -1]
                try #require(Glibc.pipe(&ends) == 0)
                // Other tests spawn processes meanwhile: an inherited write end would hold off end of file.
                for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
                read = ends[0]
                write = ends[1]
            }

            func send(_ text: String) {
                _ = Array(text.utf8).withUnsafeBytes { Glibc.write(write, $0.baseAddress, $0.count) }
            }

            deinit {
                close(read)
                close(write)
            }
        }

        static func handler(of signal: Int32) -> UnsafeRawPointer? {
            var action = sigaction()
            sigaction(signal, nil, &action)
            return unsafeBitCast(action.__sigaction_handler.sa_handler, to: UnsafeRawPointer?.self)
        }

        @Test func bytesTimeoutAndEndOfInput() throws {
            let input = try Pipe()
            let events = try TerminalEvents(input: input.read)
            defer { events.close() }
            #expect(events.next(timeoutMilliseconds: 10) == .timeout)
            input.send("hé")
            #expect(events.next(timeoutMilliseconds: 1000) == .bytes(Array("hé".utf8)))
            #expect(events.next(timeoutMilliseconds: 0) == .timeout)
            close(input.write)
            #expect(events.next(timeoutMilliseconds: 1000) == .endOfInput)
        }

        @Test func signalsArriveAsEventsBeforeBytes() throws {
            let input = try Pipe()
            let events = try TerminalEvents(input: input.read)
            defer { events.close() }
            input.send("x")
            raise(SIGWINCH)
            raise(SIGINT)
            raise(SIGTERM)
            raise(SIGHUP)
            raise(SIGWINCH)
            #expect(events.next(timeoutMilliseconds: 1000) == .signal(.resize))
            #expect(events.next(timeoutMilliseconds: 1000) == .signal(.interrupt))
            #expect(events.next(timeoutMilliseconds: 1000) == .signal(.terminate))
            #expect(events.next(timeoutMilliseconds: 1000) == .signal(.hangup))
            #expect(events.next(timeoutMilliseconds: 1000) == .bytes(Array("x".utf8)))
            #expect(events.next(timeoutMilliseconds: 10) == .timeout)
        }

        @Test func aSignalToTheWholeProcessWakesAWaitWithoutTimeout() throws {
            let input = try Pipe()
            let events = try TerminalEvents(input: input.read)
            defer { events.close() }
            kill(getpid(), SIGWINCH)
            #expect(events.next(timeoutMilliseconds: nil) == .signal(.resize))
        }

        @Test func closePutsBackTheHandlersAndOneListenerAtATime() throws {
            let input = try Pipe()
            let before = (Self.handler(of: SIGINT), Self.handler(of: SIGWINCH))
            let events = try TerminalEvents(input: input.read)
            #expect(Self.handler(of: SIGINT) != before.0)
            #expect(throws: TerminalError.alreadyListening) { try TerminalEvents(input: input.read) }
            events.close()
            events.close()
            #expect(Self.handler(of: SIGINT) == before.0)
            #expect(Self.handler(of: SIGWINCH) == before.1)
            let again = try TerminalEvents(input: input.read, signals: [.resize])
            #expect(Self.handler(of: SIGINT) == before.0)
            again.close()
        }

        @Test func aBlockedSignalIsUnblockedWhileListeningAndBlockedAgainAfter() throws {
            let input = try Pipe()
            var set = sigset_t()
            var old = sigset_t()
            var now = sigset_t()
            sigemptyset(&set)
            sigaddset(&set, SIGWINCH)
            pthread_sigmask(SIG_BLOCK, &set, &old)
            defer { pthread_sigmask(SIG_SETMASK, &old, nil) }
            let events = try TerminalEvents(input: input.read)
            pthread_sigmask(SIG_BLOCK, nil, &now)
            #expect(sigismember(&now, SIGWINCH) == 0)
            raise(SIGWINCH)
            #expect(events.next(timeoutMilliseconds: 1000) == .signal(.resize))
            events.close()
            pthread_sigmask(SIG_BLOCK, nil, &now)
            #expect(sigismember(&now, SIGWINCH) == 1)
        }

        @Test func inRawModeCtrlCAndReturnArriveAsBytesAndAHangUpEndsTheInput() throws {
            let terminal = try PseudoTerminal()
            let mode = try RawMode(descriptor: terminal.device)
            try mode.enter()
            defer { mode.restore() }
            let events = try TerminalEvents(input: terminal.device)
            defer { events.close() }
            terminal.type([0x03, 0x0D, 0x1B] + Array("[A".utf8))
            var decoder = KeyDecoder()
            var keys: [Key] = []
            while keys.count < 3, case .bytes(let bytes) = events.next(timeoutMilliseconds: 1000) {
                keys += decoder.decode(bytes)
            }
            #expect(keys == [.interrupt, .enter, .up])
            terminal.hangUp()
            #expect(events.next(timeoutMilliseconds: 1000) == .endOfInput)
        }

        @Test func aClosedInputFails() throws {
            let input = try Pipe()
            // High enough that the events' own pipe does not take the number again.
            let closed = fcntl(input.read, F_DUPFD_CLOEXEC, 900)
            close(closed)
            let events = try TerminalEvents(input: closed)
            defer { events.close() }
            #expect(events.next(timeoutMilliseconds: 100) == .failed(EBADF))
        }
    }
}
