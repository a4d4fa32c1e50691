package org.medprep.io.dicom.codec;

/**
 * JPEG-LS (ITU T.87, ISO 14495-1) lossless and near-lossless decoding of one
 * component, 2 to 16 bits: LOCO-I's median edge predictor, 365 regular
 * contexts with bias correction, limited-length Golomb-Rice codes, and run
 * mode with its two interruption contexts. Preset coding parameters (LSE id 1)
 * are honoured; mapping tables, point transform and restart intervals, which
 * DICOM encoders do not write, are refused.
 */
public final class JpegLsDecoder implements FrameDecoder {

	private static final int[] J = { 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 9, 10, 11, 12, 13, 14, 15 };

	@Override
	public void decode(final byte[] d, final FrameSpec spec, final Object plane) throws CodecException {
		spec.checkPlane(plane);
		if (d.length < 4 || (d[0] & 0xFF) != 0xFF || (d[1] & 0xFF) != 0xD8)
			throw new CodecException("not a JPEG-LS codestream (no SOI marker FFD8 at its start)");
		int precision = -1;
		int maxVal = 0;
		int t1 = 0;
		int t2 = 0;
		int t3 = 0;
		int reset = 0;
		final JpegSegments segments = new JpegSegments(d, "JPEG-LS");
		while (true) {
			segments.next();
			final int m = segments.marker(), len = segments.length(), s = segments.start(), end = segments.end();
			if (m == 0xF7) {
				if (len < 11) throw new CodecException("JPEG-LS frame header too short");
				precision = d[s] & 0xFF;
				final int rows = JpegSegments.u16(d, s + 1);
				final int cols = JpegSegments.u16(d, s + 3);
				final int comps = d[s + 5] & 0xFF;
				if (comps != 1) throw new CodecException("JPEG-LS image has " + comps + " components; a grayscale frame needs one");
				if (rows != spec.rows() || cols != spec.columns())
					throw new CodecException("JPEG-LS frame is " + cols + "x" + rows + " but the image is " + spec.columns() + "x" + spec.rows());
				if (precision < 2 || precision > 16) throw new CodecException("JPEG-LS precision " + precision + " is outside 2..16");
				if (precision > spec.bitsAllocated())
					throw new CodecException("JPEG-LS precision " + precision + " does not fit " + spec.bitsAllocated() + " bits allocated");
			}
			else if (m == 0xF8) {
				final int id = d[s] & 0xFF;
				if (id != 1) throw new CodecException("JPEG-LS extension segment type " + id + " (mapping tables or oversize images) is not supported");
				if (len < 13) throw new CodecException("JPEG-LS preset parameters segment too short");
				maxVal = JpegSegments.u16(d, s + 1);
				t1 = JpegSegments.u16(d, s + 3);
				t2 = JpegSegments.u16(d, s + 5);
				t3 = JpegSegments.u16(d, s + 7);
				reset = JpegSegments.u16(d, s + 9);
			}
			else if (m == 0xDD) throw new CodecException("JPEG-LS restart intervals are not supported");
			else if (m == 0xDA) {
				if (precision < 0) throw new CodecException("JPEG-LS scan before the frame header (SOF55)");
				if (len < 8 || (d[s] & 0xFF) != 1) throw new CodecException("JPEG-LS scan must code one component");
				if ((d[s + 2] & 0xFF) != 0) throw new CodecException("JPEG-LS mapping tables are not supported");
				final int near = d[s + 3] & 0xFF;
				if ((d[s + 5] & 0x0F) != 0) throw new CodecException("JPEG-LS point transform is not supported");
				new Scan(d, end, spec, plane, precision, maxVal, near, t1, t2, t3, reset).run();
				return;
			}
			else if (m == 0xD9) throw new CodecException("JPEG-LS codestream ends (EOI) before its scan");
			else if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC)
				throw new CodecException("a JPEG (not JPEG-LS) frame header SOF" + (m - 0xC0) + " in JPEG-LS pixel data");
		}
	}

	/** The state of one scan: coding parameters, contexts, bit reader. */
	private static final class Scan {
		private final byte[] d;
		private int pos;
		/** Bits not yet consumed, left-aligned below bit 32 of a long (bitCount of them are valid). */
		private long bitBuffer;
		private int bitCount;
		private final FrameSpec spec;
		private final Object plane;
		private final int maxVal;
		private final int near;
		private final int range;
		private final int qbpp;
		private final int limit;
		private final int t1, t2, t3, reset;
		private final int[] a = new int[367];
		private final int[] b = new int[367];
		private final int[] c = new int[367];
		private final int[] n = new int[367];
		private final int[] nn = new int[2];
		private int runIndex;

		Scan(final byte[] d, final int start, final FrameSpec spec, final Object plane, final int precision, final int presetMax,
			final int near, final int t1, final int t2, final int t3, final int reset) throws CodecException
		{
			this.d = d;
			this.pos = start;
			this.spec = spec;
			this.plane = plane;
			final int max = presetMax == 0 ? (1 << precision) - 1 : presetMax;
			if (max < 1 || max >= 1 << precision) throw new CodecException("JPEG-LS MAXVAL " + max + " does not fit precision " + precision);
			this.maxVal = max;
			if (near > Math.min(255, max / 2)) throw new CodecException("JPEG-LS NEAR " + near + " is out of range for MAXVAL " + max);
			this.near = near;
			this.range = (max + 2 * near) / (2 * near + 1) + 1;
			this.qbpp = ceilLog2(range);
			final int bpp = Math.max(2, ceilLog2(max + 1));
			this.limit = 2 * (bpp + Math.max(8, bpp));
			final int[] dt = defaultThresholds(max, near);
			this.t1 = t1 == 0 ? dt[0] : t1;
			this.t2 = t2 == 0 ? dt[1] : t2;
			this.t3 = t3 == 0 ? dt[2] : t3;
			this.reset = reset == 0 ? 64 : reset;
			if (this.t1 < near + 1 || this.t2 < this.t1 || this.t3 < this.t2 || this.t3 > max || this.reset < 3)
				throw new CodecException("JPEG-LS preset thresholds " + this.t1 + ", " + this.t2 + ", " + this.t3 + " or reset " + this.reset + " are invalid");
			final int a0 = Math.max(2, (range + 32) / 64);
			java.util.Arrays.fill(a, a0);
			java.util.Arrays.fill(n, 1);
		}

		/** T.87 C.2.4.1.1. */
		private static int[] defaultThresholds(final int max, final int near) {
			if (max >= 128) {
				final int f = (Math.min(max, 4095) + 128) / 256;
				final int x1 = clamp(f * (3 - 2) + 2 + 3 * near, near + 1, max);
				final int x2 = clamp(f * (7 - 3) + 3 + 5 * near, x1, max);
				return new int[] { x1, x2, clamp(f * (21 - 4) + 4 + 7 * near, x2, max) };
			}
			final int f = 256 / (max + 1);
			final int x1 = clamp(Math.max(2, 3 / f + 3 * near), near + 1, max);
			final int x2 = clamp(Math.max(3, 7 / f + 5 * near), x1, max);
			return new int[] { x1, x2, clamp(Math.max(4, 21 / f + 7 * near), x2, max) };
		}

		private static int clamp(final int i, final int j, final int max) {
			return i > max || i < j ? j : i;
		}

		private static int ceilLog2(final int v) {
			int k = 0;
			while (1L << k < v) k++;
			return k;
		}

		void run() throws CodecException {
			final int w = spec.columns();
			// lines with one sample of margin on each side: index x + 1 holds column x
			int[] prev = new int[w + 2];
			int[] cur = new int[w + 2];
			for (int y = 0; y < spec.rows(); y++) {
				prev[w + 1] = prev[w];
				cur[0] = prev[1];
				decodeLine(prev, cur, w);
				FrameSpec.setRow(plane, y * w, cur, 1, w);
				final int[] t = prev;
				prev = cur;
				cur = t;
			}
		}

		private void decodeLine(final int[] prev, final int[] cur, final int w) throws CodecException {
			int x = 0;
			int rb = prev[0];
			int rd = prev[1];
			while (x < w) {
				final int ra = cur[x];
				final int rc = rb;
				rb = rd;
				rd = prev[x + 2];
				final int q = 81 * quantize(rd - rb) + 9 * quantize(rb - rc) + quantize(rc - ra);
				if (q != 0) {
					cur[x + 1] = regular(q, ra, rb, rc);
					x++;
				}
				else {
					x += runMode(x, w, prev, cur);
					rb = prev[x];
					rd = prev[x + 1];
				}
			}
		}

		private int quantize(final int di) {
			if (di <= -t3) return -4;
			if (di <= -t2) return -3;
			if (di <= -t1) return -2;
			if (di < -near) return -1;
			if (di <= near) return 0;
			if (di < t1) return 1;
			if (di < t2) return 2;
			if (di < t3) return 3;
			return 4;
		}

		private int regular(final int qs, final int ra, final int rb, final int rc) throws CodecException {
			final int sign = qs < 0 ? -1 : 1;
			final int q = qs * sign;
			int px;
			if (rc >= Math.max(ra, rb)) px = Math.min(ra, rb);
			else if (rc <= Math.min(ra, rb)) px = Math.max(ra, rb);
			else px = ra + rb - rc;
			px += sign * c[q];
			if (px < 0) px = 0;
			else if (px > maxVal) px = maxVal;
			int k = 0;
			while ((n[q] << k) < a[q] && k < 24) k++;
			int err = unmap(golomb(k, limit));
			if (k == 0 && near == 0 && 2 * b[q] + n[q] - 1 < 0) err = ~err;
			update(q, err);
			return reconstruct(px, sign * err);
		}

		private static int unmap(final int m) {
			return (m & 1) == 0 ? m >> 1 : -((m + 1) >> 1);
		}

		/** T.87 A.6: context update and bias correction. */
		private void update(final int q, final int err) {
			b[q] += err * (2 * near + 1);
			a[q] += Math.abs(err);
			if (n[q] == reset) {
				a[q] >>= 1;
				b[q] >>= 1;
				n[q] >>= 1;
			}
			n[q]++;
			if (b[q] + n[q] <= 0) {
				b[q] += n[q];
				if (b[q] <= -n[q]) b[q] = -n[q] + 1;
				if (c[q] > -128) c[q]--;
			}
			else if (b[q] > 0) {
				b[q] -= n[q];
				if (b[q] > 0) b[q] = 0;
				if (c[q] < 127) c[q]++;
			}
		}

		private int reconstruct(final int px, final int err) {
			int x = px + err * (2 * near + 1);
			if (x < -near) x += range * (2 * near + 1);
			else if (x > maxVal + near) x -= range * (2 * near + 1);
			return x < 0 ? 0 : x > maxVal ? maxVal : x;
		}

		/** T.87 A.7: a run of Ra from column x, then the sample that interrupts it (unless the run reaches the line's end). */
		private int runMode(final int x, final int w, final int[] prev, final int[] cur) throws CodecException {
			final int ra = cur[x];
			final int left = w - x;
			int count = 0;
			while (bit() == 1) {
				final int step = Math.min(1 << J[runIndex], left - count);
				count += step;
				if (step == 1 << J[runIndex] && runIndex < 31) runIndex++;
				if (count == left) break;
			}
			if (count != left) count += J[runIndex] > 0 ? bits(J[runIndex]) : 0;
			if (count > left) throw new CodecException("JPEG-LS run goes past the end of a line");
			for (int i = 0; i < count; i++) cur[x + 1 + i] = ra;
			final int e = x + count;
			if (e == w) return count;
			final int rb = prev[e + 1];
			final int value;
			if (Math.abs(ra - rb) <= near) value = reconstruct(ra, interruption(1));
			else value = reconstruct(rb, interruption(0) * (rb - ra < 0 ? -1 : 1));
			cur[e + 1] = value;
			if (runIndex > 0) runIndex--;
			return count + 1;
		}

		private int interruption(final int type) throws CodecException {
			final int q = 365 + type;
			final int temp = a[q] + (n[q] >> 1) * type;
			int k = 0;
			for (long t = n[q]; t < temp; t <<= 1) k++;
			final int mapped = golomb(k, limit - J[runIndex] - 1);
			final int tm = mapped + type;
			final boolean odd = (tm & 1) != 0;
			final int abs = (tm + (odd ? 1 : 0)) / 2;
			final int err = ((k != 0 || 2 * nn[type] >= n[q]) == odd) ? -abs : abs;
			if (err < 0) nn[type]++;
			a[q] += (mapped + 1 - type) >> 1;
			if (n[q] == reset) {
				a[q] >>= 1;
				n[q] >>= 1;
				nn[type] >>= 1;
			}
			n[q]++;
			return err;
		}

		/** Limited-length Golomb code (T.87 A.5.3): unary high part, k low bits, or an escape with qbpp bits. */
		private int golomb(final int k, final int lim) throws CodecException {
			// the unary part: count the zero bits before the next one bit, a buffered byte at a time
			int high = 0;
			while (true) {
				if (bitCount == 0) fill();
				final long window = bitBuffer & ((1L << bitCount) - 1);
				if (window == 0) {
					high += bitCount;
					bitCount = 0;
				}
				else {
					final int top = 63 - Long.numberOfLeadingZeros(window);
					high += bitCount - 1 - top;
					bitCount = top;
					break;
				}
				if (high > lim) throw new CodecException("JPEG-LS code longer than its limit (corrupt data)");
			}
			if (high > lim) throw new CodecException("JPEG-LS code longer than its limit (corrupt data)");
			if (high >= lim - (qbpp + 1)) return bits(qbpp) + 1;
			if (k == 0) return high;
			return (high << k) + bits(k);
		}

		private int bit() throws CodecException {
			if (bitCount == 0) fill();
			bitCount--;
			return (int) (bitBuffer >>> bitCount) & 1;
		}

		private int bits(final int count) throws CodecException {
			while (bitCount < count) fill();
			bitCount -= count;
			return (int) (bitBuffer >>> bitCount) & ((1 << count) - 1);
		}

		/** One more byte; after FF only 7 bits (its top bit is a stuffed zero); FF then a byte >= 80 is a marker: the data ended. */
		private void fill() throws CodecException {
			if (pos >= d.length) throw new CodecException("JPEG-LS data ends in the middle of the scan");
			final int v = d[pos] & 0xFF;
			if (afterFf) {
				if (v >= 0x80) throw new CodecException("JPEG-LS scan data ends early (marker FF" + JpegHeader.hex(v) + ")");
				bitBuffer = bitBuffer << 7 | v;
				bitCount += 7;
				afterFf = false;
			}
			else {
				bitBuffer = bitBuffer << 8 | v;
				bitCount += 8;
				afterFf = v == 0xFF;
			}
			pos++;
		}

		/** Whether the last byte read was FF. */
		private boolean afterFf;
	}
}
