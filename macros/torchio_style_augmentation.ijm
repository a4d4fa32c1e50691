// A TorchIO-style recipe for MR (after TorchIO's documentation examples), as a MedPrep pipeline file:
//   medprep run --pipeline torchio_style_augmentation.ijm -i t1/ --label seg=labels/ -o augmented/
// tio.Compose([
//     tio.OneOf({tio.RandomAffine(): 0.8, tio.RandomElasticDeformation(): 0.2}),
//     tio.OneOf({tio.RandomMotion(): 1, tio.RandomGhosting(): 1, tio.RandomSpike(): 1}, p=0.5),
//     tio.RandomBiasField(p=0.3), tio.RandomBlur(p=0.2), tio.RandomNoise(p=0.5), tio.RandomGamma(p=0.5)])
// TorchIO's defaults throughout, except the noise, relative to the foreground (voxels > 0) so it suits raw MR values,
// and RandomSpike's count, 1 here (TorchIO's num_spikes=1 draws 0 or 1).
run("One Of", "weights=[0.8 0.2]");
run("Random Affine", "scale_min=0.9 scale_max=1.1 degrees_x=10 degrees_y=10 degrees_z=10 label=seg label_method=nearest interpolation=linear fill=0");
run("Random Elastic", "mode=[control grid] control_points=7 max_displacement=7.5 label=seg label_method=nearest interpolation=linear fill=0");
run("End One Of");
run("One Of", "weights=[1 1 1] p=0.5");
run("Random Motion", "degrees_min=-10 degrees_max=10 translation_min=-10 translation_max=10 movements=2");
run("Random Ghosting", "ghosts_min=4 ghosts_max=10 allowed_axes=xyz intensity_min=0.5 intensity_max=1");
run("Random Spike", "spikes_min=1 spikes_max=1 intensity_min=1 intensity_max=3");
run("End One Of");
run("Random Bias Field", "order=3 coefficient_min=-0.5 coefficient_max=0.5 p=0.3");
run("Random Blur", "sigma_min=0 sigma_max=2 units=mm kernel=[scipy (TorchIO)] p=0.2");
run("Random Noise", "distribution=Gaussian mean=0 sigma_min=0 sigma_max=0.1 relative_to=[foreground std] p=0.5");
run("Random Gamma", "gamma_min=0.740818 gamma_max=1.349859 sampling=[log-uniform (TorchIO)] formula=[power (TorchIO)] p=0.5");
