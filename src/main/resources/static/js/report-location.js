// "Use my location" on the staff report form: fills the pin's latitude and longitude from the device, if it allows.
// Progressive enhancement: the button stays hidden without JavaScript or geolocation, and the area list still works.
const button = document.querySelector('[data-locate]');
const lat = document.getElementById('lat');
const lon = document.getElementById('lon');
const status = document.getElementById('locate-status');
if (button && lat && lon && status && 'geolocation' in navigator) {
  button.hidden = false;
  button.addEventListener('click', () => {
    status.textContent = button.dataset.finding;
    navigator.geolocation.getCurrentPosition(
      (position) => {
        lat.value = position.coords.latitude.toFixed(5);
        lon.value = position.coords.longitude.toFixed(5);
        status.textContent = button.dataset.found;
      },
      () => {
        status.textContent = button.dataset.failed;
      },
      { enableHighAccuracy: false, timeout: 10000, maximumAge: 60000 });
  });
}
