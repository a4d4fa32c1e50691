// nnU-Net v2's default training augmentation (nnUNetTrainer.get_training_transforms, 3D full resolution,
// batchgeneratorsv2 transforms), step for step, as a MedPrep pipeline file:
//   medprep run --pipeline nnunet_v2_default_augmentation.ijm -i images/ --label seg=labels/ -o augmented/
// The label map named seg (--label seg=...) gets the spatial steps only; the intensity steps never touch it.
// No step has a seed, so every case draws its own and each output's history records them (replay bit for bit).
// Preview nine draws on one case: run("Augmentation Preview", "label=seg count=9 pipeline=[.../nnunet_v2_default_augmentation.ijm]").
//
// nnU-Net normalises before augmenting, and the noise sigma (up to 0.1) is in those units: z-score per image as
// its default ZScoreNormalization (all voxels); for CT, nnU-Net uses dataset statistics instead (CT Dataset Normalize).
run("Z-Score Normalize", "mask=[all voxels]");
//
// SpatialTransform(p_rotation=0.2, rotation=(-30, 30) deg, p_scaling=0.2, scaling=(0.7, 1.4),
// p_synchronize_scaling_across_axes=1, p_elastic_deform=0): the rotation and the scale are decided separately;
// when rotating, an angle uniform in [-30, 30] about every axis; when scaling, one factor uniform in [0.7, 1.4]
// for all axes that scales the sampling grid (1.4 makes objects smaller). Image linear with 0 outside; the label
// map by its one-hot masks interpolated linearly (nnU-Net's mode_seg bilinear, bg_style_seg_sampling=False).
// Differences: MedPrep rotates in mm about the image centre rather than in nnU-Net's normalised patch coordinates,
// and keeps the whole image instead of cutting nnU-Net's patch. Like nnU-Net it resamples once when both apply
// (p = 0.04): consecutive spatial steps are fused (medprep run --no-fusion resamples after each); a step drawn not
// to apply resamples nothing.
run("Random Rotate 3D", "max_angle_x=30 max_angle_y=30 max_angle_z=30 mode=[per axis] p=0.2 label=seg label_method=[label (one-hot linear)] interpolation=linear fill=0");
run("Random Zoom", "min=0.7 max=1.4 isotropic=true sampling_scale=true p=0.2 label=seg label_method=[label (one-hot linear)] interpolation=linear fill=0");
//
// GaussianNoiseTransform(noise_variance=(0, 0.1)) with apply_probability 0.1: the "variance" is used as the
// standard deviation, uniform in [0, 0.1], absolute.
run("Random Noise", "distribution=Gaussian mean=0 sigma_min=0 sigma_max=0.1 relative_to=none p=0.1");
//
// GaussianBlurTransform(blur_sigma=(0.5, 1), synchronize_axes=False, p_per_channel=0.5), apply_probability 0.2:
// for one channel 0.2 x 0.5 = 0.1; a sigma uniform in [0.5, 1] voxels per axis, nnU-Net's kernel.
run("Random Blur", "sigma_min=0.5 sigma_max=1 units=voxels same_for_all_axes=false kernel=nnU-Net p=0.1");
//
// MultiplicativeBrightnessTransform(multiplier_range=BGContrast((0.75, 1.25))), apply_probability 0.15:
// below or above 1 with equal chance, then uniform.
run("Random Brightness", "min=0.75 max=1.25 sampling=[halves around 1 (nnU-Net)] p=0.15");
//
// ContrastTransform(contrast_range=BGContrast((0.75, 1.25)), preserve_range=True), apply_probability 0.15.
run("Random Contrast", "min=0.75 max=1.25 sampling=[halves around 1 (nnU-Net)] preserve_range=true p=0.15");
//
// SimulateLowResolutionTransform(scale=(0.5, 1), synchronize_axes=True, p_per_channel=0.5), apply_probability
// 0.25: for one channel 0.125; one scale for all axes (no ignore_axes in 3D), nearest-exact down, trilinear up.
run("Random Low Resolution", "mode=[nnU-Net (every axis)] scale_min=0.5 scale_max=1 same_for_all_axes=true allowed_axes=xyz p=0.125");
//
// GammaTransform(gamma=BGContrast((0.7, 1.5)), p_invert_image=1, p_retain_stats=1), apply_probability 0.1.
run("Random Gamma", "gamma_min=0.7 gamma_max=1.5 sampling=[halves around 1 (nnU-Net)] formula=[range (nnU-Net)] invert=true retain_stats=true p=0.1");
//
// GammaTransform(gamma=BGContrast((0.7, 1.5)), p_invert_image=0, p_retain_stats=1), apply_probability 0.3.
run("Random Gamma", "gamma_min=0.7 gamma_max=1.5 sampling=[halves around 1 (nnU-Net)] formula=[range (nnU-Net)] invert=false retain_stats=true p=0.3");
//
// MirrorTransform(allowed_axes=(0, 1, 2)): each axis flipped with probability 0.5, image and label map.
run("Random Flip", "probability_x=0.5 probability_y=0.5 probability_z=0.5 label=seg label_method=nearest interpolation=nearest");
