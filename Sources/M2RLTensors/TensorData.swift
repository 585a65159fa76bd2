/// Conversion of stored tensor bytes to and from the working types.
///
/// Reads never assume alignment: aligned data is read through typed pointers, unaligned data
/// element by element with unaligned loads, with the same results.
public enum TensorData {
    /// Decodes `count` elements of `dtype` from `bytes` into `output` as Float (exact for F32,
    /// F16, BF16; F64 rounds to nearest even).
    /// - Precondition: `dtype` is floating, `bytes.count == count × dtype.size`, `output.count ≥ count`.
    public static func decode(_ bytes: UnsafeRawBufferPointer, _ dtype: DType, into output: UnsafeMutableBufferPointer<Float>) {
        let count = bytes.count / dtype.size
        precondition(output.count >= count && dtype.isFloatingPoint)
        guard count > 0, let out = output.baseAddress, let base = bytes.baseAddress else { return }
        let aligned = Int(bitPattern: base) % dtype.size == 0
        switch dtype {
        case .bf16:
            if aligned {
                let source = base.assumingMemoryBound(to: UInt16.self)
                for i in 0..<count { out[i] = Float(bitPattern: UInt32(source[i]) << 16) }
            } else {
                for i in 0..<count { out[i] = FloatConversion.float(bf16: bytes.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self)) }
            }
        case .f16:
            for i in 0..<count { out[i] = Float(Float16(bitPattern: bytes.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self))) }
        case .f32:
            if aligned {
                out.update(from: base.assumingMemoryBound(to: Float.self), count: count)
            } else {
                for i in 0..<count { out[i] = Float(bitPattern: bytes.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self)) }
            }
        case .f64:
            for i in 0..<count { out[i] = Float(Double(bitPattern: bytes.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self))) }
        default:
            preconditionFailure("not a floating type")
        }
    }

    /// Decodes into Double (exact for every floating type).
    public static func decode(_ bytes: UnsafeRawBufferPointer, _ dtype: DType, into output: UnsafeMutableBufferPointer<Double>) {
        let count = bytes.count / dtype.size
        precondition(output.count >= count && dtype.isFloatingPoint)
        guard count > 0, let out = output.baseAddress else { return }
        switch dtype {
        case .bf16:
            for i in 0..<count { out[i] = Double(FloatConversion.float(bf16: bytes.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self))) }
        case .f16:
            for i in 0..<count { out[i] = Double(Float16(bitPattern: bytes.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self))) }
        case .f32:
            for i in 0..<count { out[i] = Double(Float(bitPattern: bytes.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self))) }
        case .f64:
            for i in 0..<count { out[i] = Double(bitPattern: bytes.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self)) }
        default:
            preconditionFailure("not a floating type")
        }
    }

    /// Encodes Floats as `dtype` (rounding to nearest, ties to even) into `output`
    /// (`count × dtype.size` bytes, any alignment).
    public static func encode(_ values: UnsafeBufferPointer<Float>, as dtype: DType, into output: UnsafeMutableRawBufferPointer) {
        precondition(output.count >= values.count * dtype.size && dtype.isFloatingPoint)
        guard let base = output.baseAddress else { return }
        let aligned = Int(bitPattern: base) % dtype.size == 0
        switch dtype {
        case .bf16:
            if aligned {
                let target = base.assumingMemoryBound(to: UInt16.self)
                for i in values.indices { target[i] = FloatConversion.bf16(values[i]) }
            } else {
                for i in values.indices { output.storeBytes(of: FloatConversion.bf16(values[i]), toByteOffset: 2 * i, as: UInt16.self) }
            }
        case .f16:
            for i in values.indices { output.storeBytes(of: Float16(values[i]).bitPattern, toByteOffset: 2 * i, as: UInt16.self) }
        case .f32:
            for i in values.indices { output.storeBytes(of: values[i].bitPattern, toByteOffset: 4 * i, as: UInt32.self) }
        case .f64:
            for i in values.indices { output.storeBytes(of: Double(values[i]).bitPattern, toByteOffset: 8 * i, as: UInt64.self) }
        default:
            preconditionFailure("not a floating type")
        }
    }

    /// Encodes Doubles as `dtype` with a single rounding to nearest, ties to even.
    public static func encode(_ values: UnsafeBufferPointer<Double>, as dtype: DType, into output: UnsafeMutableRawBufferPointer) {
        precondition(output.count >= values.count * dtype.size && dtype.isFloatingPoint)
        switch dtype {
        case .bf16:
            for i in values.indices { output.storeBytes(of: FloatConversion.bf16(values[i]), toByteOffset: 2 * i, as: UInt16.self) }
        case .f16:
            for i in values.indices { output.storeBytes(of: Float16(values[i]).bitPattern, toByteOffset: 2 * i, as: UInt16.self) }
        case .f32:
            for i in values.indices { output.storeBytes(of: Float(values[i]).bitPattern, toByteOffset: 4 * i, as: UInt32.self) }
        case .f64:
            for i in values.indices { output.storeBytes(of: values[i].bitPattern, toByteOffset: 8 * i, as: UInt64.self) }
        default:
            preconditionFailure("not a floating type")
        }
    }
}
