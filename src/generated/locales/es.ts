
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      's39589354a16fb765': `Camera access was refused.`,
's4b8d075108fd2309': `Allow the camera for this site in the browser's address bar or settings, then press Start again. Patients, sessions and settings still work.`,
'se647444fddc01b0e': `No camera was found.`,
's1286b8dbc44f8e1a': `Connect a camera or choose another one, then press Start again.`,
'se0bf3dbfc43d9422': `The camera is in use by another app.`,
'scdfd402216c0ce9c': `Close the video call or camera app that is using it, then press Start again.`,
'sf9e165bce90080ac': `The camera stopped.`,
'sc4485596b93dfdcd': `It may have been unplugged. Everything recorded so far is saved. Reconnect it and press Start.`,
'sa357bec13ee702bc': `The camera needs a secure connection.`,
's9699e6cd2bf81203': `Open the app over HTTPS or on localhost.`,
's3734bbc2f28c4ae7': `The camera could not start.`,
'sc48ec9a8b8d6c0b2': `Press Start to try again, or choose another camera.`,
's169996f3e7741304': `Consultation`,
'sc11911ad723991fa': `Start the camera to see the patient's facial expression estimated live. The video stays on this device.`,
's7138ff4935b6e570': `Stop camera`,
's6f4d6d455a372a26': `Start camera`,
's5b90716f1066bef9': `These readings estimate facial expression, not inner feeling. They are not a diagnosis.`,
's9d8b8aa2b404c2c8': `Settings`,
's53cdccd04ad9eb96': `Choose the language, check where the app runs and how much it stores on this device. Nothing here leaves the device.`,
'sefcf950b3cc4fc3b': `Language`,
's14e3eda6679f5564': `Language of the app`,
's0487f33d9ddaabde': `About`,
'sf4122b220926be97': `Version`,
'scf6420f102706223': `Resmo estimates facial expression with ResmoNet, a small neural network that runs on this device. Video never leaves the device; only the reports and exports you make do.`,
's5383ba47795f6bda': `A new version is ready. It will load when the recording ends.`,
'sfc32cbb79034ca3e': `A new version is ready: reload`,
'sd5b6130b4937488c': `Reload`,
'sb718fbf789a9f5c9': `Later`,
's49e763aed00877a8': `Main`,
's459ee7eae48437b7': `Patients`,
'emotion.angry': `Anger`,
'emotion.disgust': `Disgust`,
'emotion.fear': `Fear`,
'emotion.happy': `Happiness`,
'emotion.sad': `Sadness`,
'emotion.surprise': `Surprise`,
'emotion.neutral': `Neutral`,
    };
  