/// Upper bounds a lesson may ask for, so no lesson file can make a model that eats the
/// machine. The lesson schema reports a value outside these as an error.
public enum Limits {
    public static let steps = 1...200_000
    public static let layerWidth = 1...256
    public static let layerCount = 0...6
    public static let embed = 2...256
    public static let hidden = 1...256
    public static let heads = 1...16
    public static let blocks = 1...6
    public static let context = 2...128
    public static let batch = 1...512
    public static let points = 4...20_000
    public static let sequenceLength = 2...64
    public static let learningRate = 1e-6...100.0
    public static let momentum = 0.0...0.999
    public static let weightDecay = 0.0...1.0
    public static let clip = 1e-4...1e4
    public static let forgetBias = -5.0...5.0
    public static let temperature = 0.01...5.0
    public static let noise = 0.0...2.0
    public static let validation = 0.0...0.5
    /// Text corpora are read whole; larger files are refused.
    public static let textBytes = 1...1_000_000
}
