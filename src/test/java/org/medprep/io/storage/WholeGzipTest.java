package org.medprep.io.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.parallel.Parallelization;

/** A one-member gzip file inflated whole by ISA-L, and every file that must be streamed by zlib instead. */
class WholeGzipTest {

	@TempDir
	Path dir;

	/** Like a CT's int16 planes: noise over a slowly varying body, so it compresses as they do. */
	private static byte[] content(final int n) {
		final byte[] d = new byte[n];
		final Random r = new Random(3);
		for (int i = 0; i < n; i++) d[i] = (byte) (i % 2 == 0 ? r.nextInt(16) : (i / 7000) & 0xff);
		return d;
	}

	/** One gzip member, as nibabel and gzip write it (the JDK's writer, zlib's level 6). */
	private Path gzip(final String name, final byte[] d) throws IOException {
		final Path f = dir.resolve(name);
		try (GZIPOutputStream z = new GZIPOutputStream(Files.newOutputStream(f))) {
			z.write(d);
		}
		return f;
	}

	private static byte[] readAll(final InputStream in) throws IOException {
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		in.transferTo(out);
		return out.toByteArray();
	}

	/** The whole content, or null when the file is to be streamed. */
	private static byte[] inflated(final Path f) throws IOException {
		final WholeContent in = WholeGzip.inflate(f);
		return in == null ? null : readAll(in);
	}

	/** What MedPrep writes where ISA-L deflates: one member per MiB, each header naming its length. */
	private static byte[] members(final byte[] d) throws Exception {
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		Parallelization.runWithNumThreads(2, () -> {
			try (ParallelDeflateOutputStream z = new ParallelDeflateOutputStream(bytes, ParallelDeflateOutputStream.Wrapper.GZIP, 1, true)) {
				z.write(d);
			}
			return null;
		});
		return bytes.toByteArray();
	}

	@Test
	void isalInflateLoadsOnLinuxX86() {
		// the machines the project is built and benchmarked on: the fast path must not fall away unnoticed
		assumeTrue("Linux".equals(System.getProperty("os.name")) && "amd64".equals(System.getProperty("os.arch")));
		assertTrue(NativeGzip.inflaterAvailable(), "ISA-L's inflate loads here");
	}

	@Test
	void oneMemberIsInflatedWholeToTheSameBytes() throws Exception {
		assumeTrue(NativeGzip.inflaterAvailable());
		final byte[] d = content(3_000_001);
		final Path f = gzip("one.gz", d);
		assertArrayEquals(d, inflated(f));
		final DataStreams.Opened opened = DataStreams.openWhole(f);
		assertTrue(opened.in instanceof InflatedBytes, "inflated whole, not streamed");
		assertTrue(opened.gzip);
		assertEquals(Files.size(f), opened.length);
		assertArrayEquals(d, readAll(opened.in));
	}

	@Test
	void headerFieldsAreSkippedAndTheirCrcChecked() throws Exception {
		assumeTrue(NativeGzip.inflaterAvailable());
		final byte[] d = content(200_000);
		final byte[] deflated = rawDeflate(d);
		// FEXTRA (4 bytes), FNAME "ct.nii", FCOMMENT "x", FHCRC
		final ByteArrayOutputStream h = new ByteArrayOutputStream();
		h.write(new byte[] { 0x1f, (byte) 0x8b, 8, 4 | 8 | 16 | 2, 0, 0, 0, 0, 0, 3 });
		h.write(new byte[] { 4, 0, 'M', 'P', 0, 0 });
		h.write("ct.nii\0x\0".getBytes("US-ASCII"));
		final CRC32 headerCrc = new CRC32();
		headerCrc.update(h.toByteArray());
		final byte[] header = h.toByteArray();
		final byte[] good = member(header, (int) headerCrc.getValue() & 0xffff, deflated, d);
		assertEquals(header.length + 2, WholeGzip.dataStart(good));
		assertArrayEquals(d, inflated(write("fields.gz", good)));
		// a wrong header CRC is zlib's to report: streamed
		final byte[] badCrc = member(header, ~(int) headerCrc.getValue() & 0xffff, deflated, d);
		assertEquals(-1, WholeGzip.dataStart(badCrc));
		assertNull(WholeGzip.inflate(write("badcrc.gz", badCrc)));
		// reserved flag bits, another method, a name without its end
		assertEquals(-1, WholeGzip.dataStart(withByte(good, 3, 0x20 | good[3])));
		assertEquals(-1, WholeGzip.dataStart(withByte(good, 2, 7)));
		final byte[] endless = Arrays.copyOf(new byte[] { 0x1f, (byte) 0x8b, 8, 8, 0, 0, 0, 0, 0, 3, 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i' }, 19);
		assertEquals(-1, WholeGzip.dataStart(endless));
	}

	@Test
	void medPrepsMembersAreInflatedOnAllThreadsByIsalOrZlib() throws Exception {
		assumeTrue(NativeGzip.deflaterAvailable());
		// 3.4 MiB: three full members and a short one; and all zeros: every full member's trailer alike
		for (final byte[] d : new byte[][] { content(3_600_000), new byte[3 << 20] }) {
			final byte[] gz = members(d);
			final java.util.List<GzipMembers.Member> index = GzipMembers.index(gz);
			assertEquals((d.length + (1 << 20) - 1) >> 20, index.size());
			for (final boolean isal : new boolean[] { true, false }) {
				final ByteArrayOutputStream back = new ByteArrayOutputStream();
				for (final GzipMembers.Member m : index) {
					final byte[] out = WholeGzip.member(gz, m, isal);
					assertNotNull(out, isal ? "ISA-L" : "zlib");
					assertEquals(m.size + 1, out.length, "one byte of room more than the content");
					back.write(out, 0, m.size);
					// a trailer's length one more or one less: refused either way (one less: the data go on past it)
					assertNull(WholeGzip.member(gz, new GzipMembers.Member(m.start, m.data, m.dataEnd, m.crc, m.size + 1), isal));
					assertNull(WholeGzip.member(gz, new GzipMembers.Member(m.start, m.data, m.dataEnd, m.crc, m.size - 1), isal));
				}
				assertArrayEquals(d, back.toByteArray());
			}
			for (final int threads : new int[] { 1, 3 })
				assertArrayEquals(d, Parallelization.runWithNumThreads(threads, () -> inflated(write("members.gz", gz))));
			// any gzip reader reads them as one file (the extra field is skipped)
			assertArrayEquals(d, readAll(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz))));
		}
	}

	@Test
	void anEmptyMemberIsEmptyContent() throws Exception {
		// what MedPrep writes for no data: one member of deflate's empty final block, CRC 0, length 0
		final byte[] empty = new byte[GzipMembers.HEADER + 2 + 8];
		System.arraycopy(GzipMembers.header(empty.length), 0, empty, 0, GzipMembers.HEADER);
		empty[GzipMembers.HEADER] = 3;
		final java.util.List<GzipMembers.Member> index = GzipMembers.index(empty);
		assertEquals(1, index.size());
		for (final boolean isal : new boolean[] { true, false })
			assertEquals(1, WholeGzip.member(empty, index.get(0), isal).length, "no content, the byte of room");
		assertEquals(0, readAll(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(empty))).length);
	}

	@Test
	void othersMembersAreStreamedAndOursFailNamingTheDamagedOne() throws Exception {
		assumeTrue(NativeGzip.deflaterAvailable());
		// two members of another writer, the last as long as the whole: the first ends before the data do
		final byte[] half = content(100_000);
		final byte[] one = Files.readAllBytes(gzip("half.gz", half));
		final byte[] two = new byte[one.length * 2];
		System.arraycopy(one, 0, two, 0, one.length);
		System.arraycopy(one, 0, two, one.length, one.length);
		assertNull(WholeGzip.inflate(write("two.gz", two)));
		final DataStreams.Opened opened = DataStreams.openWhole(dir.resolve("two.gz"));
		assertFalse(opened.in instanceof WholeContent);
		assertEquals(2 * half.length, readAll(opened.in).length);
		// MedPrep's members: a flipped bit in the second one's data, in its CRC: the read fails, naming the member
		final byte[] gz = members(content(2_500_000));
		final java.util.List<GzipMembers.Member> index = GzipMembers.index(gz);
		final GzipMembers.Member second = index.get(1);
		for (final byte[] bad : new byte[][] { withByte(gz, (second.data + second.dataEnd) / 2, gz[(second.data + second.dataEnd) / 2] ^ 0x10),
			withByte(gz, second.dataEnd, gz[second.dataEnd] ^ 1) }) {
			final Path f = write("bad.gz", bad);
			final java.util.zip.ZipException e = assertThrows(java.util.zip.ZipException.class, () -> readAll(WholeGzip.inflate(f)));
			assertEquals("gzip member 2 of 3 does not inflate to the length and CRC-32 its trailer gives", e.getMessage());
			final WholeContent planes = WholeGzip.inflate(f);
			final ImageFormatException p = assertThrows(ImageFormatException.class, () -> planes.planes(VoxelType.INT16, ByteOrder.LITTLE_ENDIAN, 1000, 1000, f));
			assertTrue(p.getMessage().endsWith("corrupt compressed data: gzip member 2 of 3 does not inflate to the length and CRC-32 its trailer gives"), p.getMessage());
		}
		// a cut file, a byte more: not members of ours, streamed
		assertNull(GzipMembers.index(Arrays.copyOf(gz, gz.length - 1)));
		assertNull(WholeGzip.inflate(write("cut.gz", Arrays.copyOf(gz, gz.length - 1))));
		assertNull(GzipMembers.index(Arrays.copyOf(gz, gz.length + 1)));
		// a member length below a header and trailer, or past the file
		assertNull(GzipMembers.index(withByte(withByte(withByte(withByte(gz, 16, 3), 17, 0), 18, 0), 19, 0)));
		assertNull(GzipMembers.index(withByte(gz, 19, 0x7f)));
	}

	@Test
	void voxelsAreDecodedFromAnyByteOfTheContentAndItReadsAsAStream() throws Exception {
		// 17 bytes of content in an array of 18 (the byte of room more): voxels of 2, 4 and 8 bytes at odd offsets
		final byte[] whole = content(17);
		final InflatedBytes in = new InflatedBytes(Arrays.copyOf(whole, 18), 17);
		assertEquals(17, in.end());
		for (final ByteOrder order : new ByteOrder[] { ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN }) {
			for (int at = 0; at <= 3; at++) {
				final short[] s = new short[7];
				in.decode(VoxelType.INT16, order, at, s, 7);
				final short[] expected = new short[7];
				java.nio.ByteBuffer.wrap(whole, at, 14).order(order).asShortBuffer().get(expected);
				assertArrayEquals(expected, s, "int16 from " + at + ", " + order);
			}
			final double[] d = new double[2];
			in.decode(VoxelType.FLOAT64, order, 1, d, 2);
			final double[] de = new double[2];
			java.nio.ByteBuffer.wrap(whole, 1, 16).order(order).asDoubleBuffer().get(de);
			assertArrayEquals(de, d);
			final int[] i = new int[3];
			in.decode(VoxelType.INT32, order, 2, i, 3);
			final int[] ie = new int[3];
			java.nio.ByteBuffer.wrap(whole, 2, 12).order(order).asIntBuffer().get(ie);
			assertArrayEquals(ie, i);
		}
		assertThrows(IllegalArgumentException.class, () -> in.decode(VoxelType.INT16, ByteOrder.BIG_ENDIAN, 4, new short[7], 7));
		// read as a stream, then the end (the byte of room is not content)
		final byte[] b = new byte[20];
		assertEquals(2, in.skip(2));
		assertEquals(whole[2] & 0xff, in.read());
		assertEquals(14, in.read(b, 0, 20));
		assertArrayEquals(Arrays.copyOfRange(whole, 3, 17), Arrays.copyOf(b, 14));
		assertEquals(-1, in.read());
		assertEquals(-1, in.read(b, 0, 1));
	}

	@Test
	void damagedFilesAreLeftToZlib() throws Exception {
		assumeTrue(NativeGzip.inflaterAvailable());
		final byte[] d = content(500_000);
		final byte[] gz = Files.readAllBytes(gzip("ok.gz", d));
		// a flipped bit in the data, in the trailer's CRC, in its length; trailing bytes; a cut file
		assertNull(WholeGzip.inflate(write("data.gz", withByte(gz, gz.length / 2, gz[gz.length / 2] ^ 0x10))));
		assertNull(WholeGzip.inflate(write("crc.gz", withByte(gz, gz.length - 8, gz[gz.length - 8] ^ 1))));
		assertNull(WholeGzip.inflate(write("size.gz", withByte(gz, gz.length - 4, gz[gz.length - 4] ^ 1))));
		assertNull(WholeGzip.inflate(write("trailing.gz", Arrays.copyOf(gz, gz.length + 16))));
		assertNull(WholeGzip.inflate(write("cut.gz", Arrays.copyOf(gz, gz.length - 100))));
		// a trailer that gives a shorter length and that prefix's CRC-32: the data go on past it
		final byte[] forged = gz.clone();
		final CRC32 prefix = new CRC32();
		prefix.update(d, 0, d.length - 10);
		for (int i = 0; i < 4; i++) forged[forged.length - 8 + i] = (byte) (prefix.getValue() >> 8 * i);
		for (int i = 0; i < 4; i++) forged[forged.length - 4 + i] = (byte) (d.length - 10 >> 8 * i);
		assertNull(WholeGzip.inflate(write("forged.gz", forged)));
		// not gzip at all, and a file too short to be a member
		assertNull(WholeGzip.inflate(write("plain.nii", d)));
		assertNull(WholeGzip.inflate(write("tiny.gz", Arrays.copyOf(gz, 12))));
		assertNull(WholeGzip.inflate(dir));
	}

	@Test
	void randomDamageGivesTheContentOrNothingNeverOtherBytes() throws Exception {
		assumeTrue(NativeGzip.inflaterAvailable() && NativeGzip.deflaterAvailable());
		// flipped bits in the deflate data of one member and of MedPrep's members, and cut data: ISA-L
		// inflates a third of these without complaint, and the CRC-32 must refuse them all
		final byte[] d = content(150_000);
		final byte[] one = Files.readAllBytes(gzip("fuzz.gz", d));
		final byte[] members = members(content(2_300_000));
		final byte[] expectedMembers = content(2_300_000);
		final Random random = new Random(11);
		int refused = 0;
		for (int round = 0; round < 400; round++) {
			final boolean ours = round % 2 == 1;
			final byte[] c = (ours ? members : one).clone();
			final int from = ours ? GzipMembers.HEADER : WholeGzip.dataStart(c);
			for (int f = 1 + random.nextInt(6); f > 0; f--) {
				final int at = from + random.nextInt(c.length - 8 - from);
				c[at] ^= (byte) (1 << random.nextInt(8));
			}
			final byte[] damaged = random.nextInt(5) == 0 ? Arrays.copyOf(c, from + random.nextInt(c.length - from)) : c;
			final WholeContent in = WholeGzip.inflate(write("fuzz" + round + ".gz", damaged));
			if (in == null) {
				refused++;
				continue;
			}
			final byte[] back;
			try {
				back = readAll(in);
			}
			catch (final java.util.zip.ZipException damagedMember) {
				// ours: found by its own trailer when it is read
				refused++;
				continue;
			}
			assertArrayEquals(ours ? expectedMembers : d, back, "round " + round + ": inflated, so it must be the content");
		}
		assertTrue(refused > 350, refused + " of 400 refused");
	}

	@Test
	void planesPlannedFromTheHeadAreAllocatedDuringTheInflateAndFilled() throws Exception {
		assumeTrue(NativeGzip.inflaterAvailable());
		// 100 x 50 x 30 int16 after 4 bytes; the plan is read from the first bytes, as a header would be
		final byte[] d = content(4 + 100 * 50 * 30 * 2);
		final Path f = gzip("prefetch.gz", d);
		final long[] seen = new long[2];
		final PlanePrefetch thirty = (head, length) -> {
			seen[0] = head.length;
			seen[1] = length;
			assertArrayEquals(Arrays.copyOf(d, head.length), head);
			return java.util.Collections.singletonList(new PlanePrefetch.Planes(VoxelType.INT16, 100 * 50, 30));
		};
		try (InputStream in = DataStreams.openWhole(f, thirty).in) {
			assertEquals(1 << 16, seen[0], "the first 64 KiB");
			assertEquals(d.length, seen[1]);
			assertEquals(30, ((InflatedBytes) in).preparedLeft());
			assertEquals(4, in.skip(4));
			final PlanarImg<?, ?> img = RawVolumes.read(in, f, VoxelType.INT16, ByteOrder.LITTLE_ENDIAN, 100, 50, 30);
			assertEquals(0, ((InflatedBytes) in).preparedLeft(), "all taken");
			final short[] last = ((ShortArray) img.getPlane(29)).getCurrentStorageArray();
			assertEquals((short) ((d[4 + 29 * 10000] & 0xff) | (d[5 + 29 * 10000] & 0xff) << 8), last[0]);
		}
		// a plan past the content, or one that fails: nothing ahead, and the read is the same
		final PlanePrefetch tooMany = (head, length) -> java.util.Collections.singletonList(new PlanePrefetch.Planes(VoxelType.INT16, 100 * 50, 31));
		final PlanePrefetch failing = (head, length) -> {
			throw new IOException("not a header");
		};
		for (final PlanePrefetch p : new PlanePrefetch[] { tooMany, failing })
			try (InputStream in = DataStreams.openWhole(f, p).in) {
				assertEquals(0, ((InflatedBytes) in).preparedLeft());
				assertEquals(4, in.skip(4));
				assertEquals(30, RawVolumes.read(in, f, VoxelType.INT16, ByteOrder.LITTLE_ENDIAN, 100, 50, 30).numSlices());
			}
	}

	@Test
	void planesDecodedFromTheInflatedBytesAsFromTheStream() throws Exception {
		assumeTrue(NativeGzip.inflaterAvailable());
		// 7 x 5 x 3 int16, big-endian, after 4 bytes of something else
		final byte[] d = content(4 + 7 * 5 * 3 * 2);
		final Path f = gzip("planes.gz", d);
		for (final int threads : new int[] { 1, 3 }) {
			final PlanarImg<?, ?> whole = Parallelization.runWithNumThreads(threads, () -> {
				try (InputStream in = DataStreams.openWhole(f).in) {
					assertTrue(in instanceof InflatedBytes);
					assertEquals(4, in.skip(4));
					return RawVolumes.read(in, f, VoxelType.INT16, ByteOrder.BIG_ENDIAN, 7, 5, 3);
				}
			});
			final PlanarImg<?, ?> streamed;
			try (InputStream in = DataStreams.open(f).in) {
				assertEquals(4, in.skip(4));
				streamed = RawVolumes.read(in, f, VoxelType.INT16, ByteOrder.BIG_ENDIAN, 7, 5, 3);
			}
			for (int z = 0; z < 3; z++)
				assertArrayEquals(((ShortArray) streamed.getPlane(z)).getCurrentStorageArray(), ((ShortArray) whole.getPlane(z)).getCurrentStorageArray());
			assertEquals((short) ((d[4] & 0xff) << 8 | (d[5] & 0xff)), ((ShortArray) whole.getPlane(0)).getCurrentStorageArray()[0]);
		}
		// MedPrep's members, 5 bytes in: int16, int32 and float64 voxels cross the members' ends
		final byte[] big = content(5 + 3 * (1 << 20) + 4096);
		final Path g = write("members-planes.gz", members(big));
		for (final VoxelType type : new VoxelType[] { VoxelType.INT16, VoxelType.INT32, VoxelType.FLOAT64 })
			for (final int threads : new int[] { 1, 3 }) {
				final int nx = 1000, ny = 3, nz = (int) ((big.length - 5) / (nx * ny * type.bytes()));
				final PlanarImg<?, ?> fromMembers = Parallelization.runWithNumThreads(threads, () -> {
					try (InputStream in = DataStreams.openWhole(g).in) {
						assertTrue(in instanceof InflatedMembers);
						assertEquals(5, in.skip(5));
						final PlanarImg<?, ?> img = RawVolumes.read(in, g, type, ByteOrder.BIG_ENDIAN, nx, ny, nz);
						// the stream goes on after the voxels
						final byte[] rest = readAll(in);
						assertEquals(big.length - 5 - (long) nx * ny * nz * type.bytes(), rest.length);
						assertArrayEquals(Arrays.copyOfRange(big, big.length - rest.length, big.length), rest);
						return img;
					}
				});
				final PlanarImg<?, ?> streamed;
				try (InputStream in = DataStreams.open(g).in) {
					assertEquals(5, in.skip(5));
					streamed = RawVolumes.read(in, g, type, ByteOrder.BIG_ENDIAN, nx, ny, nz);
				}
				for (int z = 0; z < nz; z++)
					assertTrue(java.util.Objects.deepEquals(streamed.getPlane(z).getCurrentStorageArray(), fromMembers.getPlane(z).getCurrentStorageArray()),
						type + " plane " + z);
			}
		// one byte short of a fourth plane: refused as the stream refuses it, before any plane is made
		try (InputStream in = DataStreams.openWhole(f).in) {
			final ImageFormatException e = assertThrows(ImageFormatException.class,
				() -> RawVolumes.read(in, f, VoxelType.INT16, ByteOrder.BIG_ENDIAN, 7, 5, 4));
			assertTrue(e.getMessage().contains("truncated: voxel data ends after " + (d.length) + " of " + (7 * 5 * 4 * 2) + " bytes"), e.getMessage());
		}
	}

	private Path write(final String name, final byte[] b) throws IOException {
		final Path f = dir.resolve(name);
		Files.write(f, b);
		return f;
	}

	private static byte[] withByte(final byte[] b, final int at, final int value) {
		final byte[] c = b.clone();
		c[at] = (byte) value;
		return c;
	}

	private static byte[] rawDeflate(final byte[] d) {
		final Deflater z = new Deflater(6, true);
		z.setInput(d);
		z.finish();
		final byte[] out = new byte[d.length + 1024];
		final int n = z.deflate(out);
		z.end();
		assertTrue(n > 0);
		return Arrays.copyOf(out, n);
	}

	/** A member: the header, its 16-bit CRC, the deflate data and the trailer of {@code d}. */
	private static byte[] member(final byte[] header, final int headerCrc, final byte[] deflated, final byte[] d) {
		final CRC32 crc = new CRC32();
		crc.update(d);
		final ByteArrayOutputStream m = new ByteArrayOutputStream();
		m.writeBytes(header);
		m.write(headerCrc & 0xff);
		m.write(headerCrc >> 8 & 0xff);
		m.writeBytes(deflated);
		final long c = crc.getValue();
		for (int i = 0; i < 4; i++) m.write((int) (c >> 8 * i) & 0xff);
		for (int i = 0; i < 4; i++) m.write(d.length >> 8 * i & 0xff);
		return m.toByteArray();
	}
}
