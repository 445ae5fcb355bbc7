import Foundation

/// Finds the lessons folder: `--lessons DIR`, then `LEARN_LESSONS`, then `./Lessons`, then
/// the folder shipped with the binary.
public enum LessonsLocator {
    public static let environmentKey = "LEARN_LESSONS"

    /// The folder to use, or nil when none is given and none exists. An explicit folder
    /// (flag or environment) is returned even if missing, so the caller can say so;
    /// relative paths are made absolute against `currentDirectory`.
    public static func resolve(explicit: String?, environment: [String: String], currentDirectory: String,
                               fallback: String?) -> String? {
        if let explicit, !explicit.isEmpty { return absolute(explicit, in: currentDirectory) }
        if let fromEnvironment = environment[environmentKey], !fromEnvironment.isEmpty {
            return absolute(fromEnvironment, in: currentDirectory)
        }
        let local = absolute("Lessons", in: currentDirectory)
        if isDirectory(local) { return local }
        if let fallback, isDirectory(fallback) { return fallback }
        return nil
    }

    public static func absolute(_ path: String, in directory: String) -> String {
        let joined = path.hasPrefix("/") ? path : (directory as NSString).appendingPathComponent(path)
        return (joined as NSString).standardizingPath
    }

    public static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
