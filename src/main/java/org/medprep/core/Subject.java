package org.medprep.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import org.medprep.core.spatial.FusedResampling;
import org.medprep.core.spatial.Grid;
import org.medprep.core.spatial.SpatialStep;

import net.imglib2.type.numeric.RealType;

/**
 * One case, the unit that flows through a pipeline (TorchIO's subject, done
 * stricter): any number of named scalar images and label maps on one grid,
 * plus its {@link History}. One member is the main one (the image a command
 * was started on, or the CLI's {@code -i} input).
 * <p>
 * Intensity steps touch scalar images only ({@link #mapImages}); spatial
 * steps move every member with one plan ({@link #transform}): scalar images
 * with the step's interpolation, label maps with nearest neighbour or label
 * mode and background 0, so a label map never gets a value it did not have.
 * Members share one space within {@link Geometry#SAME_SPACE_TOLERANCE}, checked
 * whenever one is added.
 * <p>
 * Spatial steps are lazy: {@link #transform} only notes the step, and
 * consecutive steps are resampled together, once, when voxels are first read
 * ({@link #materialize}, or any accessor of member volumes; see
 * {@link FusedResampling}). {@link #grid} is known without resampling.
 * Immutable (the resampled members are computed once and kept).
 */
public final class Subject {

	/** What a member is. */
	public enum Kind {
		/** A scalar image (CT, MR, a probability map): intensity steps apply, spatial steps interpolate it. */
		IMAGE,
		/** A label map or mask: spatial steps read it with nearest or label interpolation, intensity steps leave it alone. */
		LABEL
	}

	private static final class Member {
		final Kind kind;
		final Volume<? extends RealType<?>> volume;

		Member(final Kind kind, final Volume<? extends RealType<?>> volume) {
			this.kind = kind;
			this.volume = volume;
		}
	}

	private final String main;
	private final Map<String, Member> members;
	private final List<SpatialStep> pending;
	private final boolean fuse;
	private final History history;
	private Subject materialized;

	private Subject(final String main, final Map<String, Member> members, final List<SpatialStep> pending, final boolean fuse, final History history) {
		this.main = main;
		this.members = members;
		this.pending = pending;
		this.fuse = fuse;
		this.history = history;
		if (pending.isEmpty()) this.materialized = this;
	}

	/**
	 * A subject of one scalar image, its main member.
	 * @throws IllegalArgumentException if the name is empty or the volume null
	 */
	public static Subject of(final String name, final Volume<? extends RealType<?>> image) {
		return of(name, Kind.IMAGE, image);
	}

	/** A subject whose main member is of the given kind. */
	public static Subject of(final String name, final Kind kind, final Volume<? extends RealType<?>> volume) {
		requireName(name);
		if (kind == null) throw new IllegalArgumentException("member kind must not be null");
		if (volume == null) throw new IllegalArgumentException("member '" + name + "' has no volume");
		final Map<String, Member> m = new LinkedHashMap<>();
		m.put(name, new Member(kind, volume));
		return new Subject(name, Collections.unmodifiableMap(m), Collections.emptyList(), true, History.empty());
	}

	/** A scalar image named "image" with label maps: the shape of a single-image augmentation. */
	public static Subject of(final Volume<? extends RealType<?>> image, final Map<String, ? extends Volume<? extends RealType<?>>> labels) {
		Subject s = of("image", image);
		for (final Map.Entry<String, ? extends Volume<? extends RealType<?>>> e : labels.entrySet()) s = s.withLabel(e.getKey(), e.getValue());
		return s;
	}

	/** A scalar image named "image". */
	public static Subject of(final Volume<? extends RealType<?>> image) {
		return of("image", image);
	}

	/**
	 * With a scalar image added, or replacing the member of that name (keeping its place).
	 * @throws IllegalArgumentException if its grid is not the subject's, naming the member
	 */
	public Subject withImage(final String name, final Volume<? extends RealType<?>> image) {
		return with(name, Kind.IMAGE, image);
	}

	/** With a label map added, or replacing the member of that name. @throws IllegalArgumentException if its grid is not the subject's */
	public Subject withLabel(final String name, final Volume<? extends RealType<?>> labels) {
		return with(name, Kind.LABEL, labels);
	}

	/**
	 * With a member added or replaced (same place in the order).
	 * @throws IllegalArgumentException if the name is empty or the volume's grid is not the subject's, naming the member and both grids
	 */
	public Subject with(final String name, final Kind kind, final Volume<? extends RealType<?>> volume) {
		requireName(name);
		if (kind == null) throw new IllegalArgumentException("member kind must not be null");
		if (volume == null) throw new IllegalArgumentException("member '" + name + "' has no volume");
		final Subject base = materialize();
		final Grid g = Grid.of(volume);
		if (!g.sameSpace(base.grid()))
			throw new IllegalArgumentException("'" + name + "' is not in the subject's space: " + describe(g) + " vs " + describe(base.grid()));
		final Map<String, Member> m = new LinkedHashMap<>(base.members);
		m.put(name, new Member(kind, volume));
		return new Subject(main, Collections.unmodifiableMap(m), Collections.emptyList(), fuse, history);
	}

	/**
	 * The same voxels of every member, placed on another geometry (a network's
	 * prediction brought back onto the grid it was predicted on).
	 */
	public Subject withGeometry(final Geometry geometry) {
		final Map<String, Member> m = new LinkedHashMap<>();
		for (final Map.Entry<String, Member> e : materialize().members.entrySet())
			m.put(e.getKey(), new Member(e.getValue().kind, e.getValue().volume.withGeometry(geometry)));
		return new Subject(main, Collections.unmodifiableMap(m), Collections.emptyList(), fuse, history);
	}

	/** Without the named member. @throws IllegalArgumentException for the main member or an unknown name */
	public Subject without(final String name) {
		require(name);
		if (name.equals(main)) throw new IllegalArgumentException("the main member '" + main + "' cannot be removed");
		final Map<String, Member> m = new LinkedHashMap<>(members);
		m.remove(name);
		return new Subject(main, Collections.unmodifiableMap(m), pending, fuse, history);
	}

	/** The same members, another main one. @throws IllegalArgumentException for an unknown name */
	public Subject withMain(final String name) {
		require(name);
		return new Subject(name, members, pending, fuse, history);
	}

	public Subject withHistory(final History h) {
		if (h == null) throw new IllegalArgumentException("history must not be null");
		return new Subject(main, members, pending, fuse, h);
	}

	/** With one more step in the history. */
	public Subject withStep(final History.Step step) {
		return withHistory(history.then(step));
	}

	/**
	 * Whether consecutive spatial steps are resampled together (the default) or each on its own.
	 * Fused and step-by-step results differ by interpolation error only.
	 */
	public Subject withFusion(final boolean fused) {
		return new Subject(main, members, pending, fused, history);
	}

	public boolean fusion() { return fuse; }

	/** The main member's name. */
	public String mainName() { return main; }

	/** The main member (resampled if spatial steps are pending). */
	public Volume<? extends RealType<?>> main() {
		return volume(main);
	}

	/** All member names, in order. */
	public Set<String> names() { return members.keySet(); }

	public boolean has(final String name) { return members.containsKey(name); }

	/** @throws IllegalArgumentException for an unknown name, listing the members */
	public Kind kind(final String name) {
		require(name);
		return members.get(name).kind;
	}

	/** A member's volume (resampled if spatial steps are pending). @throws IllegalArgumentException for an unknown name, listing the members */
	public Volume<? extends RealType<?>> volume(final String name) {
		require(name);
		return materialize().members.get(name).volume;
	}

	/** The scalar images by name, in order. */
	public Map<String, Volume<? extends RealType<?>>> images() {
		return ofKind(Kind.IMAGE);
	}

	/** The label maps by name, in order. */
	public Map<String, Volume<? extends RealType<?>>> labels() {
		return ofKind(Kind.LABEL);
	}

	/** The main member; kept for single-image code ({@link #main}). */
	public Volume<? extends RealType<?>> image() {
		return main();
	}

	public History history() { return history; }

	/** The grid all members lie on, after the pending steps (known without resampling). */
	public Grid grid() {
		if (!pending.isEmpty()) return pending.get(pending.size() - 1).plan().target();
		return Grid.of(members.get(main).volume);
	}

	/** True if spatial steps are noted but not yet resampled. */
	public boolean isPending() {
		return !pending.isEmpty();
	}

	/**
	 * An intensity step: {@code f} applied to every scalar image; label maps are kept.
	 * @throws IllegalArgumentException if {@code f} returns a volume on another grid
	 */
	public Subject mapImages(final UnaryOperator<Volume<? extends RealType<?>>> f) {
		return mapImages(name -> true, f);
	}

	/**
	 * An intensity step for the scalar images whose names pass {@code which}; other members are kept.
	 * @throws IllegalArgumentException if {@code f} returns a volume on another grid
	 */
	public Subject mapImages(final Predicate<String> which, final UnaryOperator<Volume<? extends RealType<?>>> f) {
		return mapNamedImages(which, (name, image) -> f.apply(image));
	}

	/**
	 * An intensity step that is told each image's member name (a random step
	 * records what it drew for each image under its name), in member order.
	 * @throws IllegalArgumentException if {@code f} returns a volume on another grid
	 */
	public Subject mapNamedImages(final Predicate<String> which,
		final BiFunction<String, Volume<? extends RealType<?>>, Volume<? extends RealType<?>>> f)
	{
		final Subject base = materialize();
		final Map<String, Member> m = new LinkedHashMap<>();
		for (final Map.Entry<String, Member> e : base.members.entrySet()) {
			final Member member = e.getValue();
			if (member.kind == Kind.LABEL || !which.test(e.getKey())) {
				m.put(e.getKey(), member);
				continue;
			}
			final Volume<? extends RealType<?>> out = f.apply(e.getKey(), member.volume);
			if (!Grid.of(out).sameSpace(Grid.of(member.volume)))
				throw new IllegalArgumentException("an intensity step moved '" + e.getKey() + "' to another grid: " + describe(Grid.of(out)));
			m.put(e.getKey(), new Member(Kind.IMAGE, out));
		}
		return new Subject(main, Collections.unmodifiableMap(m), Collections.emptyList(), fuse, history);
	}

	/**
	 * A spatial step for every member, noted now and resampled when voxels are
	 * next read, together with the steps noted before it (when fusion is on).
	 *
	 * @throws IllegalArgumentException if the step does not read the subject's grid
	 */
	public Subject transform(final SpatialStep step) {
		if (!step.plan().source().sameSpace(grid()))
			throw new IllegalArgumentException("the spatial step reads " + describe(step.plan().source()) + " but the subject lies on " + describe(grid()));
		final List<SpatialStep> p = new ArrayList<>(pending);
		p.add(step);
		return new Subject(main, members, Collections.unmodifiableList(p), fuse, history);
	}

	/**
	 * The subject with its pending spatial steps resampled: each group of
	 * consecutive steps in one pass per member (every step alone without
	 * fusion). Computed once; later calls return the same subject.
	 */
	public synchronized Subject materialize() {
		if (materialized != null) return materialized;
		Map<String, Member> current = members;
		for (final FusedResampling group : FusedResampling.groups(pending, fuse)) {
			final Map<String, Member> next = new LinkedHashMap<>();
			for (final Map.Entry<String, Member> e : current.entrySet()) {
				final Member member = e.getValue();
				final Volume<? extends RealType<?>> v = member.kind == Kind.LABEL ? group.applyToLabels(member.volume) : group.applyToImage(member.volume);
				next.put(e.getKey(), new Member(member.kind, v));
			}
			current = next;
		}
		materialized = new Subject(main, Collections.unmodifiableMap(current), Collections.emptyList(), fuse, history);
		return materialized;
	}

	private Map<String, Volume<? extends RealType<?>>> ofKind(final Kind kind) {
		final Map<String, Volume<? extends RealType<?>>> out = new LinkedHashMap<>();
		for (final Map.Entry<String, Member> e : materialize().members.entrySet())
			if (e.getValue().kind == kind) out.put(e.getKey(), e.getValue().volume);
		return Collections.unmodifiableMap(out);
	}

	private void require(final String name) {
		if (!members.containsKey(name)) throw new IllegalArgumentException("the subject has no member '" + name + "'; it has " + members.keySet());
	}

	private static void requireName(final String name) {
		if (name == null || name.trim().isEmpty()) throw new IllegalArgumentException("a subject member needs a name");
	}

	private static String describe(final Grid g) {
		final Geometry geo = g.geometry();
		return g.size(0) + "x" + g.size(1) + "x" + g.size(2) + " voxels of " + java.util.Arrays.toString(geo.spacing()) + " mm at "
			+ java.util.Arrays.toString(geo.origin());
	}

	@Override
	public String toString() {
		final StringBuilder sb = new StringBuilder("Subject[");
		members.forEach((n, m) -> sb.append(sb.length() > 8 ? ", " : "").append(n).append(m.kind == Kind.LABEL ? " (label)" : ""));
		return sb.append("; ").append(describe(grid())).append(pending.isEmpty() ? "" : ", " + pending.size() + " spatial step(s) pending").append(']').toString();
	}
}
