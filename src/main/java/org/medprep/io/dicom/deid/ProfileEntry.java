package org.medprep.io.dicom.deid;

import java.util.Collections;
import java.util.Map;
import java.util.Set;

/**
 * One row of PS3.15 Table E.1-1: an attribute (or a tag pattern such as (60xx,3000)), its basic
 * profile action as written in the table, and the action each option column asks for.
 * Immutable.
 */
public final class ProfileEntry {

	private final int tag;
	private final int mask;
	private final String keyword;
	private final String name;
	private final String basicCode;
	private final DeidAction basicAction;
	private final Map<String, DeidAction> optionActions;

	ProfileEntry(final int tag, final int mask, final String keyword, final String name, final String basicCode,
		final Map<String, DeidAction> optionActions)
	{
		this.tag = tag;
		this.mask = mask;
		this.keyword = keyword;
		this.name = name;
		this.basicCode = basicCode;
		this.basicAction = ConfidentialityProfile.resolveCompound(basicCode);
		this.optionActions = Collections.unmodifiableMap(optionActions);
	}

	/** The tag (with the wildcard bits zero for a pattern). */
	public int tag() { return tag; }

	/** Bits of a tag that must equal {@link #tag()}: 0xFFFFFFFF for a single attribute. */
	public int mask() { return mask; }

	public boolean matches(final int candidate) { return (candidate & mask) == tag; }

	public String keyword() { return keyword; }
	public String name() { return name; }

	/** The action code exactly as in the table, e.g. "X/Z/D". */
	public String basicCode() { return basicCode; }

	/** The basic action with compound codes resolved ({@link ConfidentialityProfile#resolveCompound}). */
	public DeidAction basicAction() { return basicAction; }

	/** Non-empty option cells, keyed by CSV column name (all columns of the table, offered or not). */
	public Map<String, DeidAction> optionActions() { return optionActions; }

	/**
	 * The action with the given options: an option cell overrides the basic action (E.3: "option
	 * requirements override the basic profile"); when two chosen options both have a cell for this
	 * row, the more retaining one wins (K over C), since each option exists to retain something.
	 */
	public DeidAction action(final Set<DeidOption> options) {
		DeidAction chosen = null;
		for (final DeidOption o : options) {
			final DeidAction a = optionActions.get(o.column());
			if (a == null) continue;
			if (chosen == null || (a == DeidAction.KEEP && chosen != DeidAction.KEEP)) chosen = a;
		}
		return chosen != null ? chosen : basicAction;
	}

	@Override
	public String toString() {
		return String.format("(%04X,%04X) %s %s", tag >>> 16, tag & 0xFFFF, keyword, basicCode);
	}
}
