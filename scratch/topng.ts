import sharp from 'sharp'; for (const k of ['pack','phone','shoe']) await sharp('scratch/'+k+'.jpg').resize(400).png().toFile('scratch/'+k+'.png');
