/// The counter-based random bits behind DARE's masks and the analysis's random projection.
///
/// bits(key, j) = mix(key + (j+1)·0x9E3779B97F4A7C15), where mix is SplitMix64's finaliser:
/// a value depends only on the key and the index, so masks are the same on any thread count
/// and in any tensor order.
public enum CounterBits {
    public static let gamma: UInt64 = 0x9E37_79B9_7F4A_7C15

    @inline(__always)
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    @inline(__always)
    public static func bits(key: UInt64, index: Int) -> UInt64 {
        mix(key &+ UInt64(index + 1) &* gamma)
    }

    /// 64-bit FNV-1a of a string's UTF-8 bytes.
    public static func fnv1a64(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// DARE's key for model `modelIndex` (0-based in `models`) and a tensor.
    public static func dropKey(seed: UInt64, tensor: String, modelIndex: Int) -> UInt64 {
        mix(mix(seed ^ fnv1a64(tensor)) &+ UInt64(modelIndex + 1))
    }

    /// The analysis projection's key for a tensor.
    public static func projectionKey(seed: UInt64, tensor: String) -> UInt64 {
        mix(seed ^ fnv1a64(tensor))
    }

    /// DARE keeps entry j when `bits >> 40` (24 random bits) is below ⌊density · 2²⁴⌋.
    public static func keepThreshold(density: Double) -> UInt64 {
        UInt64((min(max(density, 0), 1) * 16_777_216).rounded(.down))
    }
}
