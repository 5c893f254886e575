  if (typeof self.Kinora === 'object' && self.Kinora && self.Kinora.version) {
    console.warn('Kinora: kinora.js included twice; keeping the first copy');
    return;
  }
  self.Kinora = Kinora;
  exports.main([]);
  definePlayer(Kinora);
  defineElement(Kinora);
})();
