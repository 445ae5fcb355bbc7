import Foundation

/// A report file named on the command line (`--junit FILE`).
enum ReportFile {
    /// Writes `text` to `path`. A regular file (or none yet) is replaced atomically (a
    /// temporary file renamed over it), so a reader never sees half a report. Anything else
    /// is written in place: a symlink is followed, not replaced, and a device or pipe
    /// (`/dev/stdout` in a CI container, where renaming would replace the device node
    /// itself) is written to. Returns why it could not, or nil.
    static func write(_ text: String, to path: String) -> String? {
        var info = stat()
        let exists = lstat(path, &info) == 0
        if !exists || info.st_mode & S_IFMT == S_IFREG {
            do {
                try text.write(toFile: path, atomically: true, encoding: .utf8)
                return nil
            } catch {
                return error.localizedDescription
            }
        }
        if let stream = [STDOUT_FILENO, STDERR_FILENO].first(where: { isSameFile(path, $0) }) {
            // `/dev/stdout` when stdout is a file: append to what was written there, not over it.
            return StandardStreams.writeAll(text, to: stream)
        }
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard fd >= 0 else { return String(cString: strerror(errno)) }
        defer { close(fd) }
        return StandardStreams.writeAll(text, to: fd)
    }

    /// Whether `path` (symlinks followed) is the file open on `fd`.
    private static func isSameFile(_ path: String, _ fd: Int32) -> Bool {
        var target = stat(), open = stat()
        return stat(path, &target) == 0 && fstat(fd, &open) == 0 && target.st_dev == open.st_dev && target.st_ino == open.st_ino
    }
}
