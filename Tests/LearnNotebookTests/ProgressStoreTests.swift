import Foundation
import LearnNotebook
import Testing

@Suite struct ProgressStoreTests {
    func temporaryFile() -> URL {
        URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("learn-progress-\(UUID().uuidString)/progress.json")
    }

    @Test func savesAndLoads() {
        let store = ProgressStore(file: temporaryFile())
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
        let loaded = ProgressStore(file: file).load()
        #expect(loaded.progress == Progress())
        #expect(loaded.warning?.contains("damaged") == true)
        #expect(FileManager.default.fileExists(atPath: file.path + ".damaged"))
    }

    @Test func followsXDGStateHome() {
        let store = ProgressStore(environment: ["XDG_STATE_HOME": "/tmp/state", "HOME": "/home/x"])
        #expect(store.file.path == "/tmp/state/learn/progress.json")
        let fallback = ProgressStore(environment: ["HOME": "/home/x"])
        #expect(fallback.file.path == "/home/x/.local/state/learn/progress.json")
    }
}
