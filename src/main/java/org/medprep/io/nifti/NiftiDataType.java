package org.medprep.io.nifti;

import java.nio.file.Path;

import org.medprep.io.storage.ImageFormatException;
import org.medprep.io.storage.VoxelType;

/** NIfTI datatype codes: the ones MedPrep reads, and the names of the others for messages. */
final class NiftiDataType {

	private NiftiDataType() {}

	/** The voxel type of a datatype code, checked against bitpix. */
	static VoxelType voxelType(final Path file, final int code, final int bitpix) throws ImageFormatException {
		final VoxelType t;
		switch (code) {
			case 2: t = VoxelType.UINT8; break;
			case 4: t = VoxelType.INT16; break;
			case 8: t = VoxelType.INT32; break;
			case 16: t = VoxelType.FLOAT32; break;
			case 64: t = VoxelType.FLOAT64; break;
			case 256: t = VoxelType.INT8; break;
			case 512: t = VoxelType.UINT16; break;
			case 768: t = VoxelType.UINT32; break;
			case 1024: t = VoxelType.INT64; break;
			default:
				throw new ImageFormatException(file, "unsupported NIfTI datatype " + code + " (" + name(code)
					+ "); MedPrep reads uint8, int8, int16, uint16, int32, uint32, int64, float32 and float64");
		}
		if (bitpix != 8 * t.bytes())
			throw new ImageFormatException(file, "bitpix " + bitpix + " does not match datatype " + code + " (" + t.label() + ", " + 8 * t.bytes() + " bits)");
		return t;
	}

	static int code(final VoxelType t) {
		switch (t) {
			case UINT8: return 2;
			case INT16: return 4;
			case INT32: return 8;
			case FLOAT32: return 16;
			case FLOAT64: return 64;
			case INT8: return 256;
			case UINT16: return 512;
			case UINT32: return 768;
			default: return 1024;
		}
	}

	static String name(final int code) {
		switch (code) {
			case 0: return "unknown";
			case 1: return "binary";
			case 2: return "uint8";
			case 4: return "int16";
			case 8: return "int32";
			case 16: return "float32";
			case 32: return "complex64";
			case 64: return "float64";
			case 128: return "RGB24";
			case 255: return "all";
			case 256: return "int8";
			case 512: return "uint16";
			case 768: return "uint32";
			case 1024: return "int64";
			case 1280: return "uint64";
			case 1536: return "float128";
			case 1792: return "complex128";
			case 2048: return "complex256";
			case 2304: return "RGBA32";
			default: return "not a NIfTI datatype";
		}
	}
}
