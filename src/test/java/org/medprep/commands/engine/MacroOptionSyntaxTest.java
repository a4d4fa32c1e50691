package org.medprep.commands.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ij.Macro;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Writing, listing and setting macro options without ImageJ, and reading one value by ImageJ's rule. */
class MacroOptionSyntaxTest {

	@Test
	void withReplacesInPlaceOrAppends() {
		assertEquals("label=seg seed=17 fill=0", MacroOptionSyntax.with("label=seg seed=42 fill=0", "seed", "17"));
		assertEquals("label=seg seed=17", MacroOptionSyntax.with("label=seg seed=", "seed", "17"));
		assertEquals("label=seg seed=17 fill=0", MacroOptionSyntax.with("label=seg seed=[] fill=0", "seed", "17"));
		assertEquals("label=seg seed=17", MacroOptionSyntax.with("label=seg", "seed", "17"));
		assertEquals("seed=17", MacroOptionSyntax.with("", "seed", "17"));
		// a key inside another option's bracketed value is not the key
		assertEquals("file=[/a seed=3/b.nii] seed=17", MacroOptionSyntax.with("file=[/a seed=3/b.nii]", "seed", "17"));
		assertEquals("label=[my seg] x=1", MacroOptionSyntax.with("label=other x=1", "label", "my seg"));
		assertEquals("seeds=1 seed=2", MacroOptionSyntax.with("seeds=1", "seed", "2"));
		assertThrows(IllegalArgumentException.class, () -> MacroOptionSyntax.with("output=[float", "seed", "1"));
	}

	@Test
	void valuesReadAsImageJReadsThem() {
		assertEquals("2 1", MacroOptionSyntax.value("weights=[2 1] p=0.5", "weights"));
		assertEquals("0.5", MacroOptionSyntax.value("weights=[2 1] p=0.5", "p"));
		assertEquals("a [b] c", MacroOptionSyntax.value("mask=[a [b] c] x=1", "mask"));
		assertEquals("x y", MacroOptionSyntax.value("q='x y'", "q"));
		assertEquals("", MacroOptionSyntax.value("seed= p=1", "seed"));
		assertEquals("3", MacroOptionSyntax.value("n_max=3", "max"), "ImageJ matches a key after an underscore");
		assertNull(MacroOptionSyntax.value("xp=1", "p"), "but not after a letter");
		assertNull(MacroOptionSyntax.value("P=1", "p"), "keys are lower case");
		assertNull(MacroOptionSyntax.value("replace", "replace"), "a flag has no value");
		assertNull(MacroOptionSyntax.value("w=[1 2", "w"), "an unclosed bracket reads as absent");
		assertNull(MacroOptionSyntax.value(null, "p"));
	}

	/** The restated rule gives what ImageJ's own parser gives, so a step reads the same in the engine and in the bridge. */
	@Test
	void valuesAgreeWithImageJsParser() {
		final List<String> options = List.of("weights=[2 1] p=0.5 seed=17", "n_min=1 n_max=2 replace", "seed= p=1", "p=", "mask=[a [b] c] x=1",
			"q='x y' p=2", "q='x y", "w=[1 2", "xp=1 p=2", "P=1", "file=[/a seed=3/b.nii] seed=4", "a=1  b=2 ", "seed=[]", "  p=3", "label=seg:x");
		final List<String> keys = List.of("weights", "p", "seed", "n_min", "n_max", "max", "replace", "mask", "x", "q", "w", "a", "b", "file",
			"label", "Label: name", "P");
		for (final String o : options)
			for (final String k : keys)
				assertEquals(Macro.getValue(o, k, null), MacroOptionSyntax.value(o, k), () -> "'" + k + "' in '" + o + "'");
	}
}
