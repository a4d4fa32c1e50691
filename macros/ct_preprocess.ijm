// MedPrep example: CT preprocessing for a segmentation network.
// Open a CT first (ImageJ shows a signed CT as 16-bit with a calibration function;
// MedPrep always works in HU). Runs the same in Fiji and in plain ImageJ 1.x,
// and the same lines make a pipeline file for `medprep run --pipeline`.
run("Replace Padding", "padding=-2000 value=-1000");
run("Clip Intensity", "min=-1000 max=400");
run("HU Window", "preset=[tutorial range (-1000 to 400)] output=[float 0-1]");
