package org.medprep.io.dicom.codec;

/** One Huffman table of a DHT segment (ITU T.81 Annex C): canonical codes by length, decoded bit by bit (F.2.2.3). */
final class JpegHuffman {

	private final int[] maxCode = new int[18];
	private final int[] valPtr = new int[17];
	private final int[] minCode = new int[17];
	private final int[] values;
	/** Where the table's bytes end in the segment. */
	final int end;

	private JpegHuffman(final int[] counts, final int[] values, final int end) throws CodecException {
		this.values = values;
		this.end = end;
		int code = 0;
		int k = 0;
		for (int l = 1; l <= 16; l++) {
			valPtr[l] = k;
			minCode[l] = code;
			code += counts[l];
			k += counts[l];
			maxCode[l] = counts[l] == 0 ? -1 : code - 1;
			if (code > 1 << l) throw new CodecException("JPEG Huffman table has more codes of length " + l + " than fit");
			code <<= 1;
		}
		maxCode[17] = Integer.MAX_VALUE;
	}

	static JpegHuffman read(final byte[] d, final int start, final int limit) throws CodecException {
		if (start + 16 > limit) throw new CodecException("JPEG Huffman table runs past its segment");
		final int[] counts = new int[17];
		int total = 0;
		for (int l = 1; l <= 16; l++) {
			counts[l] = d[start + l - 1] & 0xFF;
			total += counts[l];
		}
		if (total > 256 || start + 16 + total > limit) throw new CodecException("JPEG Huffman table runs past its segment");
		final int[] values = new int[total];
		for (int i = 0; i < total; i++) values[i] = d[start + 16 + i] & 0xFF;
		return new JpegHuffman(counts, values, start + 16 + total);
	}

	int decode(final JpegBits bits) throws CodecException {
		int code = bits.bit();
		for (int l = 1; l <= 16; l++) {
			if (maxCode[l] >= 0 && code <= maxCode[l]) return values[valPtr[l] + code - minCode[l]];
			code = code << 1 | bits.bit();
		}
		throw new CodecException("JPEG data holds a code that is not in its Huffman table");
	}
}
