package org.medprep.io.storage;

import java.util.Arrays;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Intel's ISA-L deflate and inflate, through its Genomics Kernel Library, where its native library loads on
 * this machine.
 * <ul>
 * <li>Its level-1 deflate compresses a float CT five to six times faster than zlib's level 1 (0.37 s against
 * 2.07 s of CPU for 315 MB of float32, 33.85 MB against 33.78 MB of output), which is most of a .nii.gz
 * write.</li>
 * <li>Its inflate takes a whole deflate stream in one call, about 1.8 times as fast as zlib (0.25 s against
 * 0.45 s for the 157 MB of a CT's single gzip stream), which is most of a .nii.gz read.</li>
 * </ul>
 * Each is only used where it loaded and then agreed, byte for byte, with the JDK's zlib on noise, a constant
 * run and a ramp ({@link #deflaterAvailable()}, {@link #inflaterAvailable()}); anywhere else (another CPU or
 * system, a plain ImageJ without the jar, {@code -Dmedprep.nativeDeflate=false} or
 * {@code -Dmedprep.nativeInflate=false}) the readers and writers use zlib as before. Files are plain gzip
 * either way; only the compressed bytes MedPrep writes differ.
 */
final class NativeGzip {

	/** Kept: the log manager holds its loggers weakly, and the level would go with a collected logger. */
	private static final Logger QUIET = Logger.getLogger("com.intel.gkl");

	private NativeGzip() {}

	/** Whether {@link #deflater()} gives a native deflater. */
	static boolean deflaterAvailable() {
		return DeflaterProbe.AVAILABLE;
	}

	/** Whether {@link #inflate} inflates natively (else it always returns false). */
	static boolean inflaterAvailable() {
		return InflaterProbe.AVAILABLE;
	}

	/**
	 * A raw (no header) level-1 deflater.
	 *
	 * @throws IllegalStateException unless {@link #deflaterAvailable()}: its probe also sets up GKL's
	 *         deflater, without which a new one crashes the JVM in its first reset (it did in a test that
	 *         had loaded only the inflater)
	 */
	static Deflater deflater() {
		if (!deflaterAvailable()) throw new IllegalStateException("ISA-L's deflater is not available here");
		return Isal.deflater();
	}

	/**
	 * Compresses {@code length} bytes of {@code data} as one finished raw deflate stream into the start of
	 * {@code out} (ISA-L's deflater writes nowhere else); returns the bytes written, or -1 when {@code out}
	 * had too little room or the input was empty or refused (the deflater must then be reset before its
	 * next use, which this method does).
	 */
	static int deflate(final Deflater d, final byte[] data, final int length, final byte[] out) {
		// it takes no empty input
		if (length == 0) return -1;
		try {
			d.reset();
			d.setInput(data, 0, length);
			d.finish();
			// one call: a second could not go on where the first stopped
			final int k = d.deflate(out, 0, out.length);
			return k > 0 && d.finished() ? k : -1;
		}
		catch (final RuntimeException refused) {
			// the native side refuses by throwing; zlib then does the block
			return -1;
		}
	}

	/**
	 * Inflates the raw deflate stream in {@code data[off, off + length)} into {@code out}, in one call: true
	 * only if it gave exactly {@code size} bytes and ended there. {@code out} must hold at least one byte
	 * more, so that a stream going on past {@code size} shows (ISA-L reports no error then, and says it
	 * finished once it has taken all input). False when the inflater is not available, the data are corrupt,
	 * or they give more or fewer bytes, or end before they do (the first member of several): the caller then
	 * reads with zlib, which names the problem. The caller still checks the result against the gzip trailer's
	 * CRC-32.
	 */
	static boolean inflate(final byte[] data, final int off, final int length, final byte[] out, final int size) {
		if (out.length <= size) throw new IllegalArgumentException("room for " + out.length + " bytes, not one more than " + size);
		if (!inflaterAvailable() || length == 0 || size == 0) return false;
		final Inflater inflater = Isal.inflater();
		try {
			inflater.setInput(data, off, length);
			// one call: GKL's inflater cannot go on in a second one (it refuses the rest as a bad block)
			final int k = inflater.inflate(out, 0, out.length);
			return k == size && inflater.finished();
		}
		catch (final RuntimeException | DataFormatException refused) {
			return false;
		}
		finally {
			inflater.end();
		}
	}

	/** Loads GKL's library and runs {@code selfTest}: false if any of it fails or is switched off. */
	private static boolean probe(final String switchProperty, final String className, final BooleanSupplier selfTest) {
		if (!Boolean.parseBoolean(System.getProperty(switchProperty, "true"))) return false;
		// its loader announces every load on the console: a CLI run prints only its own lines
		QUIET.setLevel(Level.OFF);
		try {
			// GKL's classes are named only in Isal, which is not linked when its jar is missing (a Fiji with
			// MedPrep's jar alone): then this class still loads, and the readers and writers use zlib
			Class.forName(className, false, NativeGzip.class.getClassLoader());
			return selfTest.getAsBoolean();
		}
		catch (final Throwable notHere) {
			// no jar (plain ImageJ), no native library for this system, or a CPU it does not run on
			return false;
		}
	}

	/** Noise, a constant run and a smooth ramp: what the self-tests push through both libraries. */
	private static byte[] selfTestData() {
		final byte[] data = new byte[3 << 16];
		final Random random = new Random(1);
		for (int i = 0; i < 1 << 16; i++) data[i] = (byte) random.nextInt();
		for (int i = 2 << 16; i < data.length; i++) data[i] = (byte) (i >> 9);
		return data;
	}

	/** ISA-L's deflate of the self-test data must come back bit for bit through the JDK's inflater. */
	private static boolean deflatesForZlib() {
		final Deflater d = Isal.loadedDeflater();
		if (d == null) return false;
		try {
			final byte[] data = selfTestData();
			final byte[] out = new byte[data.length + (data.length >> 3) + 1024];
			final int n = deflate(d, data, data.length, out);
			if (n <= 0) return false;
			final Inflater inflater = new Inflater(true);
			try {
				inflater.setInput(out, 0, n);
				final byte[] back = new byte[data.length + 1];
				final int m = inflater.inflate(back);
				return inflater.finished() && m == data.length && Arrays.equals(data, Arrays.copyOf(back, m));
			}
			catch (final DataFormatException e) {
				return false;
			}
			finally {
				inflater.end();
			}
		}
		finally {
			d.end();
		}
	}

	/** The JDK's deflate of the self-test data (levels 1 and 6) must come back bit for bit through ISA-L's inflate. */
	private static boolean inflatesZlib() {
		if (!Isal.inflaterLoads()) return false;
		final byte[] data = selfTestData();
		for (final int level : new int[] { 1, 6 }) {
			final Deflater z = new Deflater(level, true);
			final byte[] packed = new byte[data.length + (data.length >> 3) + 1024];
			final int n;
			try {
				z.setInput(data);
				z.finish();
				n = z.deflate(packed);
				if (!z.finished()) return false;
			}
			finally {
				z.end();
			}
			final byte[] back = new byte[data.length + 1];
			final Inflater inflater = Isal.inflater();
			try {
				inflater.setInput(packed, 0, n);
				if (inflater.inflate(back) != data.length || !inflater.finished() || !Arrays.equals(data, Arrays.copyOf(back, data.length))) return false;
			}
			catch (final DataFormatException e) {
				return false;
			}
			finally {
				inflater.end();
			}
		}
		return true;
	}

	/** Runs the deflater's probe on first use only. */
	private static final class DeflaterProbe {
		static final boolean AVAILABLE = probe("medprep.nativeDeflate", "com.intel.gkl.compression.IntelDeflater", NativeGzip::deflatesForZlib);
	}

	/** Runs the inflater's probe on first use only (a run that writes no gzip never loads it, and the reverse). */
	private static final class InflaterProbe {
		static final boolean AVAILABLE = probe("medprep.nativeInflate", "com.intel.gkl.compression.IntelInflater", NativeGzip::inflatesZlib);
	}

	/** Where GKL's classes are named. */
	private static final class Isal {

		static Deflater deflater() {
			return new com.intel.gkl.compression.IntelDeflater(1, true);
		}

		/** A deflater once the native library loaded, else null. */
		static Deflater loadedDeflater() {
			final com.intel.gkl.compression.IntelDeflater d = new com.intel.gkl.compression.IntelDeflater(1, true);
			// not ended when it did not load: ending it would call into the missing library
			return d.load(null) ? d : null;
		}

		/** A raw (no header) inflater; the library must have loaded. */
		static Inflater inflater() {
			return new com.intel.gkl.compression.IntelInflater(true);
		}

		/** Whether the native library loaded for the inflater. */
		static boolean inflaterLoads() {
			final com.intel.gkl.compression.IntelInflater i = new com.intel.gkl.compression.IntelInflater(true);
			// ended only when it loaded, as the deflater
			final boolean loaded = i.load(null);
			if (loaded) i.end();
			return loaded;
		}
	}
}
