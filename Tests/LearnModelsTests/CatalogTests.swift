import Testing
import LearnModels

@Suite struct CatalogTests {
    @Test func datasetNamesAreLowercaseWithDashes() {
        for name in DatasetName.allCases {
            #expect(name.rawValue.allSatisfy { $0.isLowercase || $0 == "-" }, "\(name.rawValue)")
        }
    }
}
