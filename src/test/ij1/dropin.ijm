// The standalone jar as a drop-in plugin of plain ImageJ 1.x (run by .ci/run with ij.jar -batch):
// the argument is a NIfTI CT; prints the facts .ci/run checks.
run("Import NIfTI/MetaImage", "file=[" + getArgument() + "] volume_index=-1");
run("Replace Padding", "padding=-2000 value=-1000");
run("HU Window", "level=40 width=400 output=[8-bit 0-255]");
getStatistics(area, mean, min, max);
print("medprep-dropin title=" + getTitle() + " bitDepth=" + bitDepth() + " min=" + min + " max=" + max);
close("*");
// File>Open, open() and drag and drop of a NIfTI go through MedPrep's reader (HandleExtraFileTypes)
open(getArgument());
getStatistics(area, mean, min, max);
print("medprep-dropin-open title=" + getTitle() + " bitDepth=" + bitDepth() + " slices=" + nSlices + " min=" + min);
