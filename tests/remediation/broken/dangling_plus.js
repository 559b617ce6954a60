const token = (process.env.X + ;
module.exports = token;
