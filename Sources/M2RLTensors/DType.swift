/// The element types of a safetensors file, by their header names.
///
/// Floating types convert exactly to `Float` and `Double`; conversion back rounds to nearest,
/// ties to even. Integer and boolean tensors are carried byte for byte, never converted.
public enum DType: String, Sendable, CaseIterable, Codable {
    case f64 = "F64", f32 = "F32", f16 = "F16", bf16 = "BF16"
    case i64 = "I64", i32 = "I32", i16 = "I16", i8 = "I8"
    case u64 = "U64", u32 = "U32", u16 = "U16", u8 = "U8"
    case bool = "BOOL"

    /// Bytes per element.
    public var size: Int {
        switch self {
        case .f64, .i64, .u64: 8
        case .f32, .i32, .u32: 4
        case .f16, .bf16, .i16, .u16: 2
        case .i8, .u8, .bool: 1
        }
    }

    /// Whether m2rl merges and analyses tensors of this type (the four floating types).
    public var isFloatingPoint: Bool {
        switch self {
        case .f64, .f32, .f16, .bf16: true
        default: false
        }
    }

    /// Accepts the header names and the spellings configs use (`bfloat16`, `float32`, `fp16`...).
    public init?(name: String) {
        if let exact = DType(rawValue: name) { self = exact; return }
        switch name.lowercased() {
        case "float64", "fp64", "double": self = .f64
        case "float32", "fp32", "float": self = .f32
        case "float16", "fp16", "half": self = .f16
        case "bfloat16", "bf16": self = .bf16
        default: return nil
        }
    }

    /// The name `config.json` uses in `torch_dtype` (`bfloat16`, `float32`, ...), for floating types.
    public var torchName: String? {
        switch self {
        case .f64: "float64"
        case .f32: "float32"
        case .f16: "float16"
        case .bf16: "bfloat16"
        default: nil
        }
    }
}

/// Bit-exact conversions between the stored floating formats and the working types.
public enum FloatConversion {
    /// BF16 bits → Float (exact: BF16 is the top half of an F32).
    @inline(__always)
    public static func float(bf16 bits: UInt16) -> Float {
        Float(bitPattern: UInt32(bits) << 16)
    }

    /// Float → BF16 bits, rounding to nearest, ties to even; NaN stays a (quiet) NaN.
    @inline(__always)
    public static func bf16(_ value: Float) -> UInt16 {
        let bits = value.bitPattern
        if value.isNaN { return UInt16(truncatingIfNeeded: bits >> 16) | 0x0040 }
        let rounding = 0x7FFF &+ ((bits >> 16) & 1)
        return UInt16(truncatingIfNeeded: (bits &+ rounding) >> 16)
    }

    /// Double → BF16 bits with one rounding (to nearest, ties to even): the F32 step rounds to
    /// odd, which makes the second rounding exact.
    @inline(__always)
    public static func bf16(_ value: Double) -> UInt16 {
        bf16(roundedToOdd(value))
    }

    /// Double → Float rounding to odd: exact values stay, inexact ones take the neighbour whose
    /// last mantissa bit is 1. The intermediate for correct double rounding to narrower types.
    @inline(__always)
    public static func roundedToOdd(_ value: Double) -> Float {
        let nearest = Float(value)
        if !nearest.isFinite || Double(nearest) == value { return nearest }
        if nearest.bitPattern & 1 == 1 { return nearest }
        return Double(nearest) > value ? nearest.nextDown : nearest.nextUp
    }
}
