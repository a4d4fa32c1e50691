package org.medprep.io.dicom.codec;

/**
 * Sequential DCT JPEG with Huffman coding, one component (ITU T.81 processes
 * 1, 2 and 4), for 8- and 12-bit samples. The inverse DCT is the accurate
 * integer algorithm (Loeffler, Ligtenberg and Moschytz, with 13 fraction bits
 * and IJG's scaling and range limiting), which DCMTK's dcmdjpeg and GDCM use
 * by default, so the decoded values equal theirs exactly.
 */
final class JpegDctDecoder {

	private static final int[] NATURAL = { 0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34,
		27, 20, 13, 6, 7, 14, 21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46,
		53, 60, 61, 54, 47, 55, 62, 63 };

	private static final int CONST_BITS = 13;
	private static final long FIX_0_298631336 = 2446;
	private static final long FIX_0_390180644 = 3196;
	private static final long FIX_0_541196100 = 4433;
	private static final long FIX_0_765366865 = 6270;
	private static final long FIX_0_899976223 = 7373;
	private static final long FIX_1_175875602 = 9633;
	private static final long FIX_1_501321110 = 12299;
	private static final long FIX_1_847759065 = 15137;
	private static final long FIX_1_961570560 = 16069;
	private static final long FIX_2_053119869 = 16819;
	private static final long FIX_2_562915447 = 20995;
	private static final long FIX_3_072711026 = 25172;

	private JpegDctDecoder() {}

	static void decode(final byte[] d, final FrameSpec spec, final Object plane) throws CodecException {
		final int[][] quant = new int[4][];
		final JpegHuffman[] dc = new JpegHuffman[4];
		final JpegHuffman[] ac = new JpegHuffman[4];
		int restart = 0;
		int precision = -1;
		int tq = -1;
		int componentId = -1;
		final JpegSegments segments = new JpegSegments(d, "JPEG");
		while (true) {
			segments.next();
			final int m = segments.marker(), len = segments.length(), s = segments.start(), end = segments.end();
			if (m == 0xDB) readQuantTables(d, s, end, quant);
			else if (m == 0xC4) readHuffmanTables(d, s, end, dc, ac);
			else if (m == 0xDD) {
				if (len != 4) throw new CodecException("JPEG restart interval segment has length " + len);
				restart = JpegSegments.u16(d, s);
			}
			else if (m == 0xC0 || m == 0xC1) {
				precision = d[s] & 0xFF;
				if (len != 11) throw new CodecException("JPEG frame header for one component must have length 11, has " + len);
				componentId = d[s + 6] & 0xFF;
				tq = d[s + 8] & 0xFF;
				if (tq > 3) throw new CodecException("JPEG quantization table selector " + tq);
			}
			else if (m == 0xDA) {
				if (precision < 0) throw new CodecException("JPEG scan before the frame header");
				if (len != 8 || (d[s] & 0xFF) != 1 || (d[s + 1] & 0xFF) != componentId)
					throw new CodecException("JPEG scan header does not code the frame's one component");
				final int td = (d[s + 2] & 0xFF) >> 4;
				final int ta = d[s + 2] & 0x0F;
				if ((d[s + 3] & 0xFF) != 0 || (d[s + 4] & 0xFF) != 63 || (d[s + 5] & 0xFF) != 0)
					throw new CodecException("JPEG scan is not a sequential scan (spectral selection or successive approximation)");
				if (td > 3 || ta > 3 || dc[td] == null || ac[ta] == null) throw new CodecException("JPEG scan uses an undefined Huffman table");
				if (quant[tq] == null) throw new CodecException("JPEG frame uses an undefined quantization table");
				decodeScan(d, end, spec, plane, precision, quant[tq], dc[td], ac[ta], restart);
				return;
			}
			else if (m == 0xD9) throw new CodecException("JPEG codestream ends (EOI) before its scan");
			else if (m >= 0xC2 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC)
				throw new CodecException("JPEG process SOF" + (m - 0xC0) + " is not sequential DCT with Huffman coding");
		}
	}

	private static void readQuantTables(final byte[] d, final int start, final int end, final int[][] quant) throws CodecException {
		int p = start;
		while (p < end) {
			final int pq = (d[p] & 0xFF) >> 4;
			final int id = d[p] & 0x0F;
			p++;
			if (pq > 1 || id > 3) throw new CodecException("JPEG quantization table with precision " + pq + " and id " + id);
			if (p + 64 * (pq + 1) > end) throw new CodecException("JPEG quantization table runs past its segment");
			final int[] q = new int[64];
			for (int k = 0; k < 64; k++) {
				q[NATURAL[k]] = pq == 0 ? d[p] & 0xFF : (d[p] & 0xFF) << 8 | (d[p + 1] & 0xFF);
				p += pq + 1;
			}
			quant[id] = q;
		}
	}

	private static void readHuffmanTables(final byte[] d, final int start, final int end, final JpegHuffman[] dc, final JpegHuffman[] ac)
		throws CodecException
	{
		int p = start;
		while (p < end) {
			final int tc = (d[p] & 0xFF) >> 4;
			final int th = d[p] & 0x0F;
			if (tc > 1 || th > 3) throw new CodecException("JPEG Huffman table class " + tc + " id " + th);
			final JpegHuffman t = JpegHuffman.read(d, p + 1, end);
			(tc == 0 ? dc : ac)[th] = t;
			p = t.end;
		}
	}

	private static void decodeScan(final byte[] d, final int start, final FrameSpec spec, final Object plane, final int precision,
		final int[] quant, final JpegHuffman dcTable, final JpegHuffman acTable, final int restart) throws CodecException
	{
		final JpegBits bits = new JpegBits(d, start);
		final int rows = spec.rows();
		final int cols = spec.columns();
		final int blocksX = (cols + 7) / 8;
		final int blocksY = (rows + 7) / 8;
		final int max = (1 << precision) - 1;
		final int center = 1 << (precision - 1);
		final int[] coef = new int[64];
		final int[] ws = new int[64];
		final int[] out = new int[64];
		int pred = 0;
		int mcus = 0;
		for (int by = 0; by < blocksY; by++) {
			for (int bx = 0; bx < blocksX; bx++) {
				if (restart > 0 && mcus > 0 && mcus % restart == 0) {
					bits.restart();
					pred = 0;
				}
				mcus++;
				java.util.Arrays.fill(coef, 0);
				final int t = dcTable.decode(bits);
				if (t > 16) throw new CodecException("JPEG DC difference category " + t + " is out of range");
				pred += bits.extend(t);
				coef[0] = pred;
				for (int k = 1; k < 64; k++) {
					final int rs = acTable.decode(bits);
					final int r = rs >> 4;
					final int s = rs & 15;
					if (s == 0) {
						if (r != 15) break;
						k += 15;
						continue;
					}
					k += r;
					if (k > 63) throw new CodecException("JPEG AC coefficients run past the end of a block");
					coef[NATURAL[k]] = bits.extend(s);
				}
				idct(coef, quant, ws, out, max, center);
				final int y0 = by * 8;
				final int x0 = bx * 8;
				for (int y = 0; y < 8 && y0 + y < rows; y++)
					for (int x = 0; x < 8 && x0 + x < cols; x++)
						FrameSpec.set(plane, (y0 + y) * cols + x0 + x, out[y * 8 + x]);
			}
		}
	}

	/** The accurate integer inverse DCT: columns into the workspace (2 extra bits), then rows, range-limited. */
	private static void idct(final int[] coef, final int[] quant, final int[] ws, final int[] out, final int max, final int center) {
		final int pass1Bits = max > 255 ? 1 : 2;
		final int shift1 = CONST_BITS - pass1Bits;
		for (int c = 0; c < 8; c++) {
			long z2 = (long) coef[16 + c] * quant[16 + c];
			long z3 = (long) coef[48 + c] * quant[48 + c];
			long z1 = (z2 + z3) * FIX_0_541196100;
			long tmp2 = z1 + z3 * -FIX_1_847759065;
			long tmp3 = z1 + z2 * FIX_0_765366865;
			z2 = (long) coef[c] * quant[c];
			z3 = (long) coef[32 + c] * quant[32 + c];
			long tmp0 = (z2 + z3) << CONST_BITS;
			long tmp1 = (z2 - z3) << CONST_BITS;
			final long tmp10 = tmp0 + tmp3;
			final long tmp13 = tmp0 - tmp3;
			final long tmp11 = tmp1 + tmp2;
			final long tmp12 = tmp1 - tmp2;
			tmp0 = (long) coef[56 + c] * quant[56 + c];
			tmp1 = (long) coef[40 + c] * quant[40 + c];
			tmp2 = (long) coef[24 + c] * quant[24 + c];
			tmp3 = (long) coef[8 + c] * quant[8 + c];
			final long[] o = odd(tmp0, tmp1, tmp2, tmp3);
			ws[c] = (int) descale(tmp10 + o[3], shift1);
			ws[56 + c] = (int) descale(tmp10 - o[3], shift1);
			ws[8 + c] = (int) descale(tmp11 + o[2], shift1);
			ws[48 + c] = (int) descale(tmp11 - o[2], shift1);
			ws[16 + c] = (int) descale(tmp12 + o[1], shift1);
			ws[40 + c] = (int) descale(tmp12 - o[1], shift1);
			ws[24 + c] = (int) descale(tmp13 + o[0], shift1);
			ws[32 + c] = (int) descale(tmp13 - o[0], shift1);
		}
		final int shift2 = CONST_BITS + pass1Bits + 3;
		final int range = 4 * (max + 1);
		for (int r = 0; r < 8; r++) {
			final int w = r * 8;
			long z2 = ws[w + 2];
			long z3 = ws[w + 6];
			final long z1 = (z2 + z3) * FIX_0_541196100;
			final long tmp2 = z1 + z3 * -FIX_1_847759065;
			final long tmp3 = z1 + z2 * FIX_0_765366865;
			final long tmp0 = ((long) ws[w] + ws[w + 4]) << CONST_BITS;
			final long tmp1 = ((long) ws[w] - ws[w + 4]) << CONST_BITS;
			final long tmp10 = tmp0 + tmp3;
			final long tmp13 = tmp0 - tmp3;
			final long tmp11 = tmp1 + tmp2;
			final long tmp12 = tmp1 - tmp2;
			final long[] o = odd(ws[w + 7], ws[w + 5], ws[w + 3], ws[w + 1]);
			out[w] = limit(descale(tmp10 + o[3], shift2), range, max, center);
			out[w + 7] = limit(descale(tmp10 - o[3], shift2), range, max, center);
			out[w + 1] = limit(descale(tmp11 + o[2], shift2), range, max, center);
			out[w + 6] = limit(descale(tmp11 - o[2], shift2), range, max, center);
			out[w + 2] = limit(descale(tmp12 + o[1], shift2), range, max, center);
			out[w + 5] = limit(descale(tmp12 - o[1], shift2), range, max, center);
			out[w + 3] = limit(descale(tmp13 + o[0], shift2), range, max, center);
			out[w + 4] = limit(descale(tmp13 - o[0], shift2), range, max, center);
		}
	}

	/** The odd part from inputs 7, 5, 3, 1: returns {tmp0, tmp1, tmp2, tmp3}. */
	private static long[] odd(final long in7, final long in5, final long in3, final long in1) {
		long z1 = in7 + in1;
		long z2 = in5 + in3;
		long z3 = in7 + in3;
		long z4 = in5 + in1;
		final long z5 = (z3 + z4) * FIX_1_175875602;
		long tmp0 = in7 * FIX_0_298631336;
		long tmp1 = in5 * FIX_2_053119869;
		long tmp2 = in3 * FIX_3_072711026;
		long tmp3 = in1 * FIX_1_501321110;
		z1 *= -FIX_0_899976223;
		z2 *= -FIX_2_562915447;
		z3 = z3 * -FIX_1_961570560 + z5;
		z4 = z4 * -FIX_0_390180644 + z5;
		tmp0 += z1 + z3;
		tmp1 += z2 + z4;
		tmp2 += z2 + z3;
		tmp3 += z1 + z4;
		return new long[] { tmp0, tmp1, tmp2, tmp3 };
	}

	private static long descale(final long x, final int n) {
		return (x + (1L << (n - 1))) >> n;
	}

	/** IJG's post-IDCT range limit: the level shift, clamping, and wrap-around of wildly out-of-range values. */
	private static int limit(final long v, final int range, final int max, final int center) {
		int p = (int) (v & (range - 1));
		if (p >= range / 2) p -= range;
		final int x = p + center;
		return x < 0 ? 0 : x > max ? max : x;
	}
}
