import Synchronization

/// The temporary files this process has open now, so that an interrupted run can remove them
/// (`ProcessSignals.removeTemporaryFilesOnInterrupt`).
///
/// A file is created and registered, and renamed or removed and unregistered, under one lock:
/// whoever holds the lock sees exactly the files on disk, never one created but not yet listed.
enum TemporaryFileRegistry {
    private static let paths = Mutex<Set<String>>([])

    /// Runs `create` under the lock and registers `path` when it returns a descriptor (>= 0).
    static func create(_ path: String, _ create: () -> Int32) -> Int32 {
        paths.withLock { paths in
            let descriptor = create()
            if descriptor >= 0 { paths.insert(path) }
            return descriptor
        }
    }

    /// Runs `finish` (a rename or an unlink of `path`) under the lock and unregisters `path`.
    static func finish<Result>(_ path: String, _ finish: () -> Result) -> Result {
        paths.withLock { paths in
            let result = finish()
            paths.remove(path)
            return result
        }
    }

    /// The files registered now, sorted.
    static var current: [String] { paths.withLock { $0.sorted() } }

    /// Removes every registered file and ends the process with `status`, holding the lock so
    /// that no other thread creates or renames one meanwhile.
    static func removeAllAndExit(status: Int32, unlink: (String) -> Void, exit: (Int32) -> Never) -> Never {
        paths.withLock { paths -> Never in
            for path in paths { unlink(path) }
            exit(status)
        }
    }
}
