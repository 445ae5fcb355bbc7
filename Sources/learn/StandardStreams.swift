import Foundation

/// Standard output and error, written with `write(2)`. A closed or full stream ends the
/// command with ``exitIOError`` and one line on stderr (when stderr still works), never a
/// trap: `FileHandle.write` cannot report an error, so it crashes on one.
enum StandardStreams {
    /// `EX_IOERR` (sysexits.h): standard output or error could not be written.
    static let exitIOError: Int32 = 74

    /// Takes descriptors 0, 1 and 2 if they were closed (`learn list >&-`), with `/dev/null`
    /// opened read-only: writing there fails as writing to a closed stream does, and no file
    /// opened later (a lesson, the progress file, a JUnit report) can take the number and
    /// receive what was meant for the terminal.
    static func holdClosedDescriptors() {
        for fd in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(fd, F_GETFD) == -1 {
            let null = open("/dev/null", O_RDONLY)
            if null >= 0, null != fd {
                dup2(null, fd)
                close(null)
            }
        }
    }

    /// Writes `text` to standard output, or ends the command.
    static func out(_ text: String) {
        if let error = writeAll(text, to: STDOUT_FILENO) { fail("cannot write to standard output: \(error)") }
    }

    /// Writes `text` to standard error, or ends the command (silently: there is nowhere left to say why).
    static func err(_ text: String) {
        if writeAll(text, to: STDERR_FILENO) != nil { exit(exitIOError) }
    }

    /// Ends the command with ``exitIOError``, saying why on stderr if it can.
    static func fail(_ message: String) -> Never {
        _ = writeAll("learn: \(message)\n", to: STDERR_FILENO)
        exit(exitIOError)
    }

    /// Writes the whole of `text` to `fd`; nil, or the reason it could not.
    static func writeAll(_ text: String, to fd: Int32) -> String? {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return String(cString: strerror(errno))
            }
            bytes = bytes.dropFirst(written)
        }
        return nil
    }
}
