import Foundation
import LearnNotebook
import Testing

@Suite struct ProgressStoreTests {
    func temporaryFile() -> URL {
        URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("learn-progress-\(UUID().uuidString)/progress.json")
    }

    @Test func savesAndLoads() {
        let store = ProgressStore(file: temporaryFile(), course: "/course")
        let progress = Progress(lesson: "perceptron", page: 2, answers: ["perceptron/why": 1], finished: ["kx"])
        #expect(store.save(progress) == nil)
        let loaded = store.load()
        #expect(loaded.progress == progress)
        #expect(loaded.warning == nil)
    }

    @Test func damagedFileIsSetAside() throws {
        let file = temporaryFile()
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("{not json".utf8).write(to: file)
        let loaded = ProgressStore(file: file, course: "/course").load()
        #expect(loaded.progress == Progress())
        #expect(loaded.warning?.contains("damaged") == true)
        #expect(FileManager.default.fileExists(atPath: file.path + ".damaged"))
    }

    @Test func followsXDGStateHome() {
        let store = ProgressStore(course: "/course", environment: ["XDG_STATE_HOME": "/tmp/state", "HOME": "/home/x"])
        #expect(store.file.path == "/tmp/state/learn/progress.json")
        let fallback = ProgressStore(course: "/course", environment: ["HOME": "/home/x"])
        #expect(fallback.file.path == "/home/x/.local/state/learn/progress.json")
    }

    /// Issue 13 #12: progress was keyed by lesson id alone, so an instructor's lesson
    /// `perceptron` marked the shipped one answered.
    @Test func eachCourseKeepsItsOwnProgress() {
        let file = temporaryFile()
        let shipped = ProgressStore(file: file, course: "/shipped/Lessons")
        let mine = ProgressStore(file: file, course: "/home/me/course")
        #expect(mine.save(Progress(lesson: "perceptron", page: 1, answers: ["perceptron/why": 2], finished: ["perceptron"])) == nil)
        #expect(shipped.load().progress == Progress())
        #expect(shipped.save(Progress(lesson: "kx", answers: ["kx/slope": 1])) == nil)
        #expect(mine.load().progress.answers == ["perceptron/why": 2])
        #expect(shipped.load().progress.answers == ["kx/slope": 1])
    }

    /// A file from before courses were kept apart is taken by the first course that reads it.
    @Test func aFileFromBeforeCoursesIsKept() throws {
        let file = temporaryFile()
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(#"{"answers":{"kx/slope":1},"finished":["kx"],"lesson":"kx","page":2}"#.utf8).write(to: file)
        let store = ProgressStore(file: file, course: "/course")
        #expect(store.load().progress == Progress(lesson: "kx", page: 2, answers: ["kx/slope": 1], finished: ["kx"]))
        #expect(store.save(store.load().progress) == nil)
        #expect(store.load().progress.answers == ["kx/slope": 1])
    }

    /// Issue 20 #11: two notebooks each wrote their whole file; the last one won.
    @Test func twoNotebooksSavingMergeInsteadOfOverwriting() {
        let file = temporaryFile()
        let first = ProgressStore(file: file, course: "/course"), second = ProgressStore(file: file, course: "/course")
        var a = first.load().progress, b = second.load().progress
        a.answers["kx/slope"] = 1
        a.finished.insert("kx")
        #expect(first.save(a) == nil)
        b.lesson = "perceptron"
        b.page = 3
        #expect(second.save(b) == nil)
        let both = first.load().progress
        #expect(both.answers == ["kx/slope": 1] && both.finished == ["kx"], "the first notebook's answer survives")
        #expect(both.lesson == "perceptron" && both.page == 3, "the place is the last saver's")
    }

    /// Issue 20 #12: any read failure counted as "no file", and the next save replaced it.
    @Test func anUnreadableFileIsMovedAsideNotWrittenOver() throws {
        let file = temporaryFile()
        try FileManager.default.createDirectory(at: file, withIntermediateDirectories: true)
        let store = ProgressStore(file: file, course: "/course")
        let loaded = store.load()
        #expect(loaded.warning?.contains("could not be read") == true, "\(loaded.warning ?? "no warning")")
        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: file.path + ".damaged", isDirectory: &isDirectory) && isDirectory.boolValue)
        #expect(store.save(Progress(lesson: "kx")) == nil)
        #expect(store.load().progress.lesson == "kx")
    }

    /// A file that became unreadable after it was loaded is never written over.
    @Test func aSaveNeverReplacesWhatItCannotRead() throws {
        let file = temporaryFile()
        let store = ProgressStore(file: file, course: "/course")
        #expect(store.load().progress == Progress())
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        #expect(mkfifo(file.path, 0o600) == 0)
        #expect(store.save(Progress(lesson: "kx"))?.contains("not written over") == true)
        var info = stat()
        #expect(lstat(file.path, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO, "the FIFO is still there")
    }

    /// Solved exercises are kept, merged like answers, and absent from older files.
    @Test func solvedExercisesAreKeptAndMerged() {
        let file = temporaryFile()
        let store = ProgressStore(file: file, course: "/course")
        #expect(store.save(Progress(lesson: "kx", solved: ["kx/kx-too-fast"])) == nil)
        #expect(store.save(Progress(lesson: "mlp", solved: ["mlp/xor"])) == nil)
        #expect(store.load().progress.solved == ["kx/kx-too-fast", "mlp/xor"])
    }
}
