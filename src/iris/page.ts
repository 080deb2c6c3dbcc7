document.title = "Iris MLP";
